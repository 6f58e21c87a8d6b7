"use client";

import Link from "next/link";
import { DisclosureMenu } from "@/components/ui/disclosure-menu";
import { alertOpenHref } from "@/lib/notifications/alert-links";
import "./alert-bell.css";

// One alert as the panel shows it, a tuple so the page's RSC payload carries no key names per alert.
export type BellItem = [id: string, title: string, time: string, dateTime: string, unread: 0 | 1];

function BellIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

// The bell and its panel, a disclosure that opens without JavaScript too. The count is also in the
// trigger's accessible name, not only in the red badge. Each alert opens through /alerts/<id>/open,
// which marks it read before going to its invoice, so the badge drops by one.
export function AlertBellPanel({ unread, items, markAllRead }: { unread: number; items: BellItem[]; markAllRead: () => Promise<void> }) {
  const label = unread === 0 ? "Alerts, none unread" : `Alerts, ${unread} unread`;
  return (
    <DisclosureMenu
      label={label}
      triggerClassName="ab-trigger"
      panelClassName="ab-panel"
      trigger={
        <>
          <BellIcon />
          {unread > 0 ? (
            <span aria-hidden="true" className="ab-count">
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </>
      }
    >
      <section aria-label="Alerts">
        <div className="ab-head">
          <h2 className="text-sm font-semibold">Alerts</h2>
          {unread > 0 ? (
            <form action={markAllRead}>
              <button type="submit" className="ab-mark">
                Mark all read
              </button>
            </form>
          ) : (
            <span className="text-xs text-slate-600">All read</span>
          )}
        </div>
        {items.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">No alerts yet. Billing alerts about invoices and payment methods appear here.</p>
        ) : (
          <ul className="ab-list">
            {items.map(([id, title, time, dateTime, unreadItem]) => (
              <li key={id} className={unreadItem ? "ab-item ab-unread" : "ab-item"}>
                <a href={alertOpenHref(id)}>{title}</a>
                <p>
                  <time dateTime={dateTime}>{time}</time>
                  {unreadItem ? <span>Unread</span> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <div className="ab-foot">
          <Link href="/alerts" className="text-sm font-medium text-brand-700 hover:underline">
            View all alerts
          </Link>
        </div>
      </section>
    </DisclosureMenu>
  );
}
