import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

// Sign-in backoff for one account (or one remembered device of it). Note: the attempt is
// reserved by a single INSERT … ON CONFLICT DO UPDATE … WHERE before the password is checked, so
// PostgreSQL's row lock serialises concurrent attempts and at most `limit` of any burst get
// through. After `limit` attempts each further one must wait a delay that doubles (1, 2, 4, 8 …
// minutes, capped), instead of a flat lockout an attacker could renew forever; a run is
// forgotten one quiet window after it began (no backoff) or after its last backoff ended.
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
const BASE_DELAY_SECONDS = 60;
const MAX_DELAY_SECONDS = 10 * 60;

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function backoffSeconds(attempts: number, limit: number): number | null {
  if (attempts < limit) return null;
  return Math.min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** Math.min(attempts - limit, 20));
}

export async function reserveSignInAttempt(db: Db, key: string, limit: number, now: Date): Promise<Reservation> {
  const nowIso = now.toISOString();
  const quietSince = new Date(now.getTime() - THROTTLE_WINDOW_SECONDS * 1000).toISOString();
  // A run is over when its window passed without backoff, or a window passed since the backoff ended.
  const runOver = sql`(case when ${rateLimits.blockedUntil} is null then ${rateLimits.windowStart} else ${rateLimits.blockedUntil} end) <= ${quietSince}::timestamptz`;
  const nextCount = sql`(case when ${runOver} then 1 else ${rateLimits.count} + 1 end)`;
  const rows = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1, blockedUntil: blockedUntilFor(1, limit, now) })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: nextCount,
        windowStart: sql`case when ${runOver} then ${nowIso}::timestamptz else ${rateLimits.windowStart} end`,
        blockedUntil: sql`case when ${nextCount} >= ${limit}::int then ${nowIso}::timestamptz + make_interval(secs => least(${MAX_DELAY_SECONDS}::int, ${BASE_DELAY_SECONDS}::int * power(2, least(${nextCount} - ${limit}::int, 20)))) else null end`,
      },
      setWhere: sql`${runOver} or ${rateLimits.blockedUntil} is null or ${rateLimits.blockedUntil} <= ${nowIso}::timestamptz`,
    })
    .returning({ count: rateLimits.count });
  if (rows.length > 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: await secondsUntilUnblocked(db, key, now) };
}

function blockedUntilFor(attempts: number, limit: number, now: Date): Date | null {
  const delay = backoffSeconds(attempts, limit);
  return delay === null ? null : new Date(now.getTime() + delay * 1000);
}

async function secondsUntilUnblocked(db: Db, key: string, now: Date): Promise<number> {
  const [row] = await db.select({ blockedUntil: rateLimits.blockedUntil }).from(rateLimits).where(eq(rateLimits.key, key));
  if (!row?.blockedUntil) return 1;
  return Math.max(1, Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000));
}

// A successful sign-in ends the run: the next failure starts from a clean count.
export async function clearSignInAttempts(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
