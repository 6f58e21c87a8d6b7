"use client";

import Link from "next/link";
import { UserMenu } from "./user-menu";

// The portal's top bar: provider, account, a slot for the alert bell, and the user menu.
// A client component only so every page's RSC payload holds the bar's few props, not its markup.
export function TopBar({
  provider,
  accountName,
  homeHref,
  user,
  settingsHref,
  signOut,
  children,
}: {
  provider: string;
  accountName: string | null;
  homeHref: string;
  user: { name: string; email: string };
  settingsHref: string | null;
  // The sign-out server action, passed in by the layout (components never import from app/).
  signOut: () => Promise<void>;
  children?: React.ReactNode;
}) {
  return (
    <header className="no-print sticky top-0 z-40 flex h-14 items-center gap-3 bg-brand-900 px-4 text-white shadow">
      <Link href={homeHref} className="font-semibold tracking-tight">
        {provider}
      </Link>
      {accountName ? (
        <span className="truncate rounded bg-white/10 px-2 py-0.5 text-sm text-slate-100" title="Account">
          {accountName}
        </span>
      ) : null}
      <div className="ml-auto flex items-center gap-1">
        {children}
        <UserMenu name={user.name} email={user.email} settingsHref={settingsHref} signOut={signOut} />
      </div>
    </header>
  );
}
