"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";

// The vertical-ellipsis menu in the top-right corner: Settings and Sign out.
export function UserMenu({ name, email, settingsHref, signOut }: { name: string; email: string; settingsHref: string | null; signOut: () => Promise<void> }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label="User menu"
        className="inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-200 hover:bg-white/10 focus-visible:outline-white"
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="currentColor">
          <circle cx="12" cy="5" r="2" />
          <circle cx="12" cy="12" r="2" />
          <circle cx="12" cy="19" r="2" />
        </svg>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <DropdownMenu.Label className="px-2 py-1.5">
            <span className="block font-medium text-slate-900">{name}</span>
            <span className="block text-xs text-slate-600">{email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          {settingsHref ? (
            <DropdownMenu.Item asChild>
              <Link href={settingsHref} className="block rounded px-2 py-1.5 text-slate-800 outline-none data-[highlighted]:bg-slate-100">
                Settings
              </Link>
            </DropdownMenu.Item>
          ) : null}
          {/* A form, so sign-out revokes the session server-side and redirects relative to this origin. */}
          <form action={signOut}>
            <DropdownMenu.Item asChild onSelect={(event) => event.preventDefault()}>
              <button type="submit" className="block w-full cursor-pointer rounded px-2 py-1.5 text-left text-slate-800 outline-none data-[highlighted]:bg-slate-100">
                Sign out
              </button>
            </DropdownMenu.Item>
          </form>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
