import "server-only";
import { and, desc, eq, gt, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { sessions } from "@/db/schema";
import { effectivePermissions, type Permission } from "@/lib/access/permissions";
import { sessionIdleTimeoutSeconds, sessionMaxAgeSeconds } from "@/lib/env";

// Server-side sessions (ASVS V7): the cookie names a row, and the row decides. A session is live
// while it is not revoked, before its absolute expiry and within the idle timeout of its last request.

// Last-seen is written at most this often, so busy pages do not write on every request.
const TOUCH_EVERY_SECONDS = 60;

export type NewSession = { userId: string; ip: string; userAgent?: string | null; now: Date };

export async function createSession(db: Db, input: NewSession): Promise<{ id: string; expiresAt: Date }> {
  const expiresAt = new Date(input.now.getTime() + sessionMaxAgeSeconds() * 1000);
  const [row] = await db
    .insert(sessions)
    .values({
      userId: input.userId,
      accountId: sql`(select account_id from users where id = ${input.userId}::uuid)`,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
    })
    .returning({ id: sessions.id });
  return { id: row.id, expiresAt };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

// Every session of a user (disabled, password changed or reset), or all but one ("sign out other sessions").
export async function revokeUserSessions(db: Db, userId: string, now: Date, options: { except?: string } = {}): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), options.except ? ne(sessions.id, options.except) : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}

export type LiveSession = { sessionId: string; userId: string; isOperator: boolean; permissions: ReadonlySet<Permission> };

// The session behind a cookie, with the user's current permissions, in ONE statement: null unless
// the row is live and the user active. Also records the request as activity (at most once a minute).
// Note: nothing about the user's rights comes from the cookie, so a role change or a revocation
// applies on the next request.
export async function loadLiveSession(db: Db, ref: { sessionId: string; userId: string }, now: Date): Promise<LiveSession | null> {
  const live = liveSessionQuery(ref, now);
  if (!live) return null;
  const rows = await rawRows<{ user_id: string; is_operator: boolean; permissions: string[] | string | null }>(
    db,
    sql`${live}
        select u.id as user_id, u.is_operator, ${grantedPermissionsSql} as permissions
        from live join users u on u.id = live.user_id
        where u.disabled_at is null`,
  );
  const row = rows[0];
  if (!row) return null;
  return liveSessionOf(ref, row);
}

// The `live` CTE (the session row when it is live, touched at most once a minute) that
// loadLiveSession and lib/access/load-viewer.ts loadLiveIdentity select from; null for a
// malformed reference.
export function liveSessionQuery(ref: { sessionId: string; userId: string }, now: Date): SQL | null {
  if (!isUuid(ref.sessionId) || !isUuid(ref.userId)) return null;
  const nowIso = now.toISOString();
  const idleSince = new Date(now.getTime() - sessionIdleTimeoutSeconds() * 1000).toISOString();
  const touchBefore = new Date(now.getTime() - TOUCH_EVERY_SECONDS * 1000).toISOString();
  return sql`with live as (
          select s.id, s.user_id from sessions s
          where s.id = ${ref.sessionId}::uuid and s.user_id = ${ref.userId}::uuid and s.revoked_at is null
            and s.expires_at > ${nowIso}::timestamptz and s.last_seen_at > ${idleSince}::timestamptz
        ),
        touched as (
          update sessions set last_seen_at = ${nowIso}::timestamptz
          where id in (select id from live) and last_seen_at < ${touchBefore}::timestamptz
        )`;
}

// The permissions user `u` holds through its roles in its own account (a text[] column).
export const grantedPermissionsSql = sql`array(select distinct rp.permission from user_roles ur
          join role_permissions rp on rp.role_id = ur.role_id and rp.account_id = ur.account_id
          where ur.user_id = u.id and ur.account_id = u.account_id)`;

export function liveSessionOf(ref: { sessionId: string }, row: { user_id: string; is_operator: boolean; permissions: string[] | string | null }): LiveSession {
  return { sessionId: ref.sessionId, userId: row.user_id, isOperator: row.is_operator, permissions: effectivePermissions(pgArray(row.permissions)) };
}

export type SessionSummary = { id: string; createdAt: Date; lastSeenAt: Date; ip: string; userAgent: string | null };

// The user's live sessions, most recently used first (Settings > Security).
export async function listLiveSessions(db: Db, userId: string, now: Date): Promise<SessionSummary[]> {
  const idleSince = new Date(now.getTime() - sessionIdleTimeoutSeconds() * 1000);
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince)))
    .orderBy(desc(sessions.lastSeenAt));
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

// pg returns text[] as an array; PGlite may too, but a literal "{a,b}" is handled for safety.
function pgArray(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value;
  if (!value || value === "{}") return [];
  return value.replace(/^\{|\}$/g, "").split(",");
}
