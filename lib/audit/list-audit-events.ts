import "server-only";
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { encodeAuditCursor, type AuditFilters } from "./audit-filters";

export type AuditEventRow = {
  id: number;
  createdAt: Date;
  // created_at to the microsecond (a JS Date keeps only milliseconds), for the keyset cursor.
  cursorAt: string;
  actorLabel: string;
  actorKind: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
};

type Position = { at: string; id: number };

// The filter as SQL. Dates are calendar days in the account's time zone; the account comes from the viewer.
function filterWhere(viewer: Viewer, f: Pick<AuditFilters, "actor" | "action" | "from" | "to">): SQL {
  const zone = viewer.account.timeZone;
  return and(
    eq(auditEvents.accountId, viewer.accountId),
    f.actor ? eq(auditEvents.actorUserId, f.actor) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.from ? gte(auditEvents.createdAt, sql`(${f.from}::date)::timestamp at time zone ${zone}`) : undefined,
    f.to ? lt(auditEvents.createdAt, sql`(${f.to}::date + 1)::timestamp at time zone ${zone}`) : undefined,
  )!;
}

const columns = {
  id: auditEvents.id,
  createdAt: auditEvents.createdAt,
  cursorAt: sql<string>`to_char(${auditEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  actorLabel: auditEvents.actorLabel,
  actorKind: auditEvents.actorKind,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  details: auditEvents.details,
  ip: auditEvents.ip,
  userAgent: auditEvents.userAgent,
};

// Newest first, strictly older than `after` (keyset on created_at, id: page 500 costs what page 1 does).
export async function fetchOlderAuditEvents(viewer: Viewer, filters: AuditFilters, after: Position | null, limit: number): Promise<AuditEventRow[]> {
  requirePermission(viewer, "users.manage");
  const db = await getDb();
  const keyset = after ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${after.at}::timestamptz, ${after.id})` : undefined;
  return db
    .select(columns)
    .from(auditEvents)
    .where(and(filterWhere(viewer, filters), keyset))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit);
}

export type AuditPage = { rows: AuditEventRow[]; olderCursor: string | null; newerCursor: string | null };

// One page of the viewer's account's audit log (R-P6), with cursors to the older and newer pages.
export async function listAuditEvents(viewer: Viewer, filters: AuditFilters): Promise<AuditPage> {
  requirePermission(viewer, "users.manage");
  const size = filters.size;
  const cursor = (row: AuditEventRow | undefined) => (row ? encodeAuditCursor(row.cursorAt, row.id) : null);
  if (filters.before) {
    const db = await getDb();
    const newer = await db
      .select(columns)
      .from(auditEvents)
      .where(and(filterWhere(viewer, filters), sql`(${auditEvents.createdAt}, ${auditEvents.id}) > (${filters.before.at}::timestamptz, ${filters.before.id})`))
      .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id))
      .limit(size + 1);
    const rows = newer.slice(0, size).reverse();
    return { rows, olderCursor: cursor(rows.at(-1)), newerCursor: newer.length > size ? cursor(rows[0]) : null };
  }
  const older = await fetchOlderAuditEvents(viewer, filters, filters.after ?? null, size + 1);
  const rows = older.slice(0, size);
  return { rows, olderCursor: older.length > size ? cursor(rows.at(-1)) : null, newerCursor: filters.after ? cursor(rows[0]) : null };
}

// The people the actor filter offers: the account's users, disabled ones included.
export async function listAuditActors(viewer: Viewer): Promise<{ id: string; name: string; email: string }[]> {
  requirePermission(viewer, "users.manage");
  const db = await getDb();
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.accountId, viewer.accountId)).orderBy(asc(users.name), asc(users.email));
}
