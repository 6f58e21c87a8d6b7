"use client";

import Link from "next/link";
import { DisclosureMenu } from "@/components/ui/disclosure-menu";
import "./shell.css";

// The vertical-ellipsis menu in the top-right corner: Settings and Sign out. A disclosure, so both
// are reachable without JavaScript; Sign out is a form posting the sign-out server action, which
// revokes the session row and redirects relative to the origin the page came from.
export function UserMenu({ name, email, settingsHref, signOut }: { name: string; email: string; settingsHref: string | null; signOut: () => Promise<void> }) {
  return (
    <DisclosureMenu
      label="User menu"
      triggerClassName="um-trigger"
      panelClassName="um-panel"
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
              <Link href={settingsHref} className="um-item">
                Settings
              </Link>
            </li>
          ) : null}
          <li>
            <form action={signOut}>
              <button type="submit" className="um-item cursor-pointer">
                Sign out
              </button>
            </form>
          </li>
        </ul>
      </nav>
    </DisclosureMenu>
  );
}
