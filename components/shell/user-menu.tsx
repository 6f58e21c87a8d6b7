"use client";

import Link from "next/link";
import { DisclosureMenu } from "@/components/ui/disclosure-menu";

const itemClass = "block w-full rounded px-2 py-1.5 text-left text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100";

// The vertical-ellipsis menu in the top-right corner: Settings and Sign out. A disclosure, so both
// are reachable without JavaScript; Sign out is a form posting the sign-out server action, which
// revokes the session row and redirects relative to the origin the page came from.
export function UserMenu({ name, email, settingsHref, signOut }: { name: string; email: string; settingsHref: string | null; signOut: () => Promise<void> }) {
  return (
    <DisclosureMenu
      label="User menu"
      triggerClassName="inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-200 hover:bg-white/10 focus-visible:outline-white"
      panelClassName="absolute right-0 mt-2 min-w-56 p-1 text-sm"
      trigger={
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="currentColor">
          <circle cx="12" cy="5" r="2" />
          <circle cx="12" cy="12" r="2" />
          <circle cx="12" cy="19" r="2" />
        </svg>
      }
    >
      <div className="px-2 py-1.5">
        <span className="block font-medium text-slate-900">{name}</span>
        <span className="block text-xs text-slate-600">{email}</span>
      </div>
      <div role="separator" className="my-1 h-px bg-slate-200" />
      <nav aria-label="User menu">
        <ul>
          {settingsHref ? (
            <li>
              <Link href={settingsHref} className={itemClass}>
                Settings
              </Link>
            </li>
          ) : null}
          <li>
            <form action={signOut}>
              <button type="submit" className={itemClass + " cursor-pointer"}>
                Sign out
              </button>
            </form>
          </li>
        </ul>
      </nav>
    </DisclosureMenu>
  );
}
