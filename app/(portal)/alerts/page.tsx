import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { requirePageViewer } from "@/lib/access/page-guards";
import { cn } from "@/lib/cn";
import { formatInstant } from "@/lib/dates";
import { countUnreadAlerts, listAlerts } from "@/lib/notifications/alerts";
import { alertOpenHref } from "@/lib/notifications/alert-links";
import { markAlertReadAction, markAllAlertsReadAction } from "./actions";

export const metadata: Metadata = { title: "Alerts" };

// GET /alerts — every alert of the signed-in user, newest first, keyset-paged (?before= / ?after=).
export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const params = await searchParams;
  const [page, unread] = await Promise.all([
    listAlerts(viewer, { before: typeof params.before === "string" ? params.before : undefined, after: typeof params.after === "string" ? params.after : undefined }),
    countUnreadAlerts(viewer),
  ]);
  const { locale, timeZone } = viewer.account;

  // One column of one width, so the header's buttons line up with the list's right edge.
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="Alerts"
        description={unread === 0 ? "You have no unread alerts." : `You have ${unread} unread ${unread === 1 ? "alert" : "alerts"}.`}
        actions={
          <>
            <Link href="/settings/notifications" className={buttonClasses("secondary", "sm")}>
              Notification preferences
            </Link>
            {unread > 0 ? (
              <form action={markAllAlertsReadAction}>
                <button type="submit" className={buttonClasses("primary", "sm")}>
                  Mark all read
                </button>
              </form>
            ) : null}
          </>
        }
      />
      <Card>
        {page.items.length === 0 ? (
          <p className="px-4 py-8 text-sm text-slate-600">No alerts yet. When an invoice is posted, falls past due, or a card is about to expire, it appears here.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {page.items.map((alert) => (
              <li key={alert.id} className={cn("flex flex-wrap items-start justify-between gap-3 px-4 py-3", !alert.readAt && "bg-brand-50/50")}>
                <div className="min-w-0 flex-1">
                  <a href={alertOpenHref(alert.id)} className={cn("text-sm text-slate-900 hover:underline", !alert.readAt && "font-semibold")}>
                    {alert.title}
                  </a>
                  {alert.body ? <p className="mt-0.5 text-sm text-slate-600">{alert.body}</p> : null}
                  <p className="mt-1 flex gap-2 text-xs text-slate-600">
                    <time dateTime={alert.createdAt.toISOString()}>{formatInstant(alert.createdAt, locale, timeZone)}</time>
                    <span className={alert.readAt ? "" : "font-medium text-brand-700"}>{alert.readAt ? "Read" : "Unread"}</span>
                  </p>
                </div>
                {!alert.readAt ? (
                  <form action={markAlertReadAction}>
                    <input type="hidden" name="alertId" value={alert.id} />
                    <button type="submit" className={buttonClasses("ghost", "sm")}>
                      Mark read<span className="sr-only">: {alert.title}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {page.newerCursor || page.olderCursor ? (
        <nav aria-label="Alert pages" className="mt-4 flex justify-between">
          {page.newerCursor ? (
            <Link href={`/alerts?after=${page.newerCursor}`} className={buttonClasses("secondary", "sm")}>
              ← Newer alerts
            </Link>
          ) : (
            <span />
          )}
          {page.olderCursor ? (
            <Link href={`/alerts?before=${page.olderCursor}`} className={buttonClasses("secondary", "sm")}>
              Older alerts →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
