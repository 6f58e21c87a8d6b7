import type { ViewerAccount } from "@/lib/access/load-viewer";
import { formatInstant } from "@/lib/dates";
import type { BellAlert } from "@/lib/notifications/alert-bell";
import { AlertBellPanel, type BellItem } from "./alert-bell-panel";

// The bell in the top bar (R-N2): unread count and the latest alerts of the signed-in user only,
// loaded by the layout in one statement (loadAlertBell). `markAllRead` is the server action
// the layout passes in (app/(portal)/alerts/actions.ts).
export function AlertBell({ unread, recent, account, markAllRead }: { unread: number; recent: BellAlert[]; account: ViewerAccount; markAllRead: () => Promise<void> }) {
  const items = recent.map((a): BellItem => [a.id, a.title, formatInstant(a.createdAt, account.locale, account.timeZone), a.createdAt.toISOString(), a.readAt === null ? 1 : 0]);
  return <AlertBellPanel unread={unread} items={items} markAllRead={markAllRead} />;
}
