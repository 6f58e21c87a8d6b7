"use client";

import Link from "next/link";
import "./shell.css";
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
    <header className="no-print tb">
      <Link href={homeHref} className="font-semibold tracking-tight">
        {provider}
      </Link>
      {accountName ? (
        <span className="tb-account" title="Account">
          {accountName}
        </span>
      ) : null}
      <div className="tb-end">
        {children}
        <UserMenu name={user.name} email={user.email} settingsHref={settingsHref} signOut={signOut} />
      </div>
    </header>
  );
}
