import type { ViewerAccount } from "@/lib/access/load-viewer";
import { formatInstant } from "@/lib/dates";
import type { AlertItem } from "@/lib/notifications/alerts";
import { AlertBellPanel } from "./alert-bell-panel";

// The bell in the top bar (R-N2): unread count and the latest alerts of the signed-in user only,
// loaded by the layout (countUnreadAlerts, listRecentAlerts). `markAllRead` is the server action
// the layout passes in (app/(portal)/alerts/actions.ts).
export function AlertBell({ unread, recent, account, markAllRead }: { unread: number; recent: AlertItem[]; account: ViewerAccount; markAllRead: () => Promise<void> }) {
  const items = recent.map((a) => ({
    id: a.id,
    title: a.title,
    time: formatInstant(a.createdAt, account.locale, account.timeZone),
    dateTime: a.createdAt.toISOString(),
    unread: a.readAt === null,
  }));
  return <AlertBellPanel unread={unread} items={items} markAllRead={markAllRead} />;
}
