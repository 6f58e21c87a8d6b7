import type { Viewer } from "@/lib/access/load-viewer";
import { formatInstant } from "@/lib/dates";
import { countUnreadAlerts, listRecentAlerts } from "@/lib/notifications/alerts";
import { AlertBellPanel } from "./alert-bell-panel";

// The bell in the top bar (R-N2): unread count and the latest alerts of the signed-in user only.
// `markAllRead` is the server action the page passes in (app/(portal)/alerts/actions.ts).
export async function AlertBell({ viewer, markAllRead }: { viewer: Viewer; markAllRead: () => Promise<void> }) {
  const [unread, recent] = await Promise.all([countUnreadAlerts(viewer), listRecentAlerts(viewer, 8)]);
  const items = recent.map((a) => ({
    id: a.id,
    title: a.title,
    time: formatInstant(a.createdAt, viewer.account.locale, viewer.account.timeZone),
    dateTime: a.createdAt.toISOString(),
    unread: a.readAt === null,
  }));
  return <AlertBellPanel unread={unread} items={items} markAllRead={markAllRead} />;
}
