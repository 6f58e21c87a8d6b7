import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { alerts } from "@/db/schema";
import { requireAccountMember } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";

export type BellAlert = { id: string; title: string; createdAt: Date; readAt: Date | null };
export type AlertBellData = { unread: number; recent: BellAlert[] };

// What the top bar's bell shows on every page (R-N2): the viewer's unread count and newest alerts,
// in ONE statement (the count rides on each row; no row means no alert, so nothing unread), and
// only the columns the bell shows. Note: scoped to the viewer's own user AND account, like every
// alert query (lib/notifications/alerts.ts).
export async function loadAlertBell(viewer: Viewer, limit = 8): Promise<AlertBellData> {
  requireAccountMember(viewer);
  const db = await getDb();
  const own = and(eq(alerts.userId, viewer.userId), eq(alerts.accountId, viewer.accountId));
  const unread = db.$count(alerts, and(own, isNull(alerts.readAt)));
  const rows = await db
    .select({ id: alerts.id, title: alerts.title, createdAt: alerts.createdAt, readAt: alerts.readAt, unread: sql<number>`${unread}`.mapWith(Number) })
    .from(alerts)
    .where(own)
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(limit);
  return { unread: rows[0]?.unread ?? 0, recent: rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt, readAt: r.readAt })) };
}
