import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { jobLeases } from "@/db/schema";
import { env } from "@/lib/env";

// Leader leases for cluster-wide jobs (R-R4): one row per job in job_leases, taken and renewed by
// single statements (no session state, no transaction spanning calls), so it works through a
// transaction-pooling PgBouncer. Why not an advisory lock: a session lock lives on a server
// connection that PgBouncer hands to other clients between transactions, and an xact lock ends
// with the transaction while the sweep is many transactions. Expiry is the database's clock, so
// instances with skewed clocks agree on when a dead leader's lease has run out.
// Note: the lease keeps the work on one instance at a time; exactness still comes from the
// database (the notifications' unique key), so two holders after a stall would waste work, never
// send twice.

const globalLease = globalThis as unknown as { __billingInstanceId?: string };

// This process, as a lease holder: host, pid and a random part (pids repeat across containers).
// Kept on globalThis because Next.js bundles the instrumentation hook and the routes separately.
export function instanceId(): string {
  globalLease.__billingInstanceId ??= `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return globalLease.__billingInstanceId;
}

// JOB_LEASE_SECONDS (default 30): how long a lease outlives its last renewal.
export function jobLeaseSeconds(): number {
  return env().JOB_LEASE_SECONDS;
}

// Takes the lease named `name` for `holder`, or renews it if `holder` already has it; refuses while
// another holder's lease has not expired. One statement: of two instances racing for a free or
// expired lease, the row lock makes exactly one the holder.
export async function acquireJobLease(db: Db, name: string, holder: string, seconds: number = jobLeaseSeconds()): Promise<boolean> {
  const rows = await rawRows<{ holder: string }>(
    db,
    sql`insert into ${jobLeases} as l (name, holder, acquired_at, renewed_at, expires_at)
      values (${name}, ${holder}, clock_timestamp(), clock_timestamp(), clock_timestamp() + make_interval(secs => ${seconds}))
      on conflict (name) do update set
        holder = excluded.holder,
        acquired_at = case when l.holder = excluded.holder then l.acquired_at else excluded.acquired_at end,
        renewed_at = excluded.renewed_at,
        expires_at = excluded.expires_at
      where l.holder = excluded.holder or l.expires_at <= clock_timestamp()
      returning l.holder`,
  );
  return rows.length === 1;
}

// Gives the lease up at once (a run that took it only for itself, a shutdown), so another instance
// need not wait for it to expire. Only the holder's own row is removed.
export async function releaseJobLease(db: Db, name: string, holder: string): Promise<void> {
  await db.delete(jobLeases).where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)));
}

// The live holder of a lease, if any (for a skipped run's answer and the operator's eyes).
export async function currentJobLeaseHolder(db: Db, name: string): Promise<string | null> {
  const [row] = await rawRows<{ holder: string }>(db, sql`select holder from ${jobLeases} where name = ${name} and expires_at > clock_timestamp()`);
  return row?.holder ?? null;
}
