import "server-only";
import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { alerts } from "@/db/schema";
import { requireAccountMember } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { notFoundError } from "@/lib/errors";
import { idSchema, parseId } from "@/lib/validation";

// Note: every query here is scoped to the viewer's own user AND account; alerts are never shown
// to anyone but their user, administrators included.
function own(viewer: Viewer): SQL {
  return and(eq(alerts.userId, viewer.userId), eq(alerts.accountId, viewer.accountId))!;
}

const columns = { id: alerts.id, title: alerts.title, body: alerts.body, href: alerts.href, createdAt: alerts.createdAt, readAt: alerts.readAt };
export type AlertItem = { id: string; title: string; body: string; href: string | null; createdAt: Date; readAt: Date | null };

export async function countUnreadAlerts(viewer: Viewer): Promise<number> {
  requireAccountMember(viewer);
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(alerts)
    .where(and(own(viewer), isNull(alerts.readAt)));
  return Number(row?.n ?? 0);
}

// The newest alerts, for the bell's panel.
export async function listRecentAlerts(viewer: Viewer, limit = 8): Promise<AlertItem[]> {
  requireAccountMember(viewer);
  const db = await getDb();
  return db.select(columns).from(alerts).where(own(viewer)).orderBy(desc(alerts.createdAt), desc(alerts.id)).limit(limit);
}

// Search params of /alerts: keyset paging by alert id, older (`before`) or newer (`after`) than it.
export const alertsPageSchema = z.object({
  before: idSchema().optional().catch(undefined),
  after: idSchema().optional().catch(undefined),
});
export const ALERTS_PAGE_SIZE = 20;

export type AlertsPage = { items: AlertItem[]; olderCursor: string | null; newerCursor: string | null };

// One page of the viewer's alerts, newest first. Keyset on (created_at, id) so any page costs the same.
export async function listAlerts(viewer: Viewer, params: z.input<typeof alertsPageSchema>, pageSize = ALERTS_PAGE_SIZE): Promise<AlertsPage> {
  requireAccountMember(viewer);
  const { before, after } = alertsPageSchema.parse(params);
  const db = await getDb();
  const anchor = (id: string) => sql`(select ${alerts.createdAt}, ${alerts.id} from ${alerts} where ${alerts.id} = ${id} and ${own(viewer)})`;
  const key = sql`(${alerts.createdAt}, ${alerts.id})`;

  if (after && !before) {
    const rows = await db
      .select(columns)
      .from(alerts)
      .where(and(own(viewer), sql`${key} > ${anchor(after)}`))
      .orderBy(asc(alerts.createdAt), asc(alerts.id))
      .limit(pageSize + 1);
    const items = rows.slice(0, pageSize).reverse();
    return { items, newerCursor: rows.length > pageSize ? items[0].id : null, olderCursor: items.at(-1)?.id ?? null };
  }
  const rows = await db
    .select(columns)
    .from(alerts)
    .where(and(own(viewer), before ? sql`${key} < ${anchor(before)}` : undefined))
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(pageSize + 1);
  const items = rows.slice(0, pageSize);
  return { items, olderCursor: rows.length > pageSize ? items.at(-1)!.id : null, newerCursor: before && items[0] ? items[0].id : null };
}

export async function markAllAlertsRead(viewer: Viewer, now = new Date()): Promise<number> {
  requireAccountMember(viewer);
  const db = await getDb();
  const rows = await db
    .update(alerts)
    .set({ readAt: now })
    .where(and(own(viewer), isNull(alerts.readAt)))
    .returning({ id: alerts.id });
  return rows.length;
}

// Another user's alert id is a 404, like any other record the viewer may not see. Returns where the
// alert points (a path inside the portal), so opening an alert can mark it read and go there.
export async function markAlertRead(viewer: Viewer, alertId: string, now = new Date()): Promise<string | null> {
  requireAccountMember(viewer);
  parseId(alertId, "Alert not found");
  const db = await getDb();
  const [row] = await db
    .update(alerts)
    .set({ readAt: sql`coalesce(${alerts.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(own(viewer), eq(alerts.id, alertId)))
    .returning({ href: alerts.href });
  if (!row) throw notFoundError("Alert not found");
  // Only a same-site path: a protocol-relative "//host" would leave the portal.
  return row.href?.startsWith("/") && !row.href.startsWith("//") ? row.href : null;
}
