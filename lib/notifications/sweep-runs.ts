import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDb } from "@/db/client";
import { reminderSweeps, type ReminderSweep } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";

export type SweepTotals = { batches: number; notifications: number; alerts: number; emails: number };

// Each write is its own statement outside the batches' transactions, so the record survives the
// batch that failed and shows how far the sweep got.
// The snapshot is what the run is sure to see: a later windowed sweep rescans what it could not.
export async function startSweepRun(db: Db, now: Date): Promise<{ id: string; startSnapshot: string }> {
  const [run] = await db
    .insert(reminderSweeps)
    .values({ sweepAt: now, startSnapshot: sql`pg_current_snapshot()::text` })
    .returning({ id: reminderSweeps.id, startSnapshot: reminderSweeps.startSnapshot });
  return { id: run.id, startSnapshot: run.startSnapshot! };
}

export type SweepBase = { sweepAt: Date; startSnapshot: string };

// The last completed sweep (by start): what a windowed sweep builds on (lib/notifications/sweep-window.ts).
// Read before the run records its own start, so it finished before this run began.
export async function getSweepBase(db: Db): Promise<SweepBase | null> {
  const [base] = await db
    .select({ sweepAt: reminderSweeps.sweepAt, startSnapshot: reminderSweeps.startSnapshot })
    .from(reminderSweeps)
    .where(and(isNotNull(reminderSweeps.finishedAt), isNull(reminderSweeps.error), isNotNull(reminderSweeps.startSnapshot)))
    .orderBy(desc(reminderSweeps.startedAt), desc(reminderSweeps.id))
    .limit(1);
  return base ? { sweepAt: base.sweepAt, startSnapshot: base.startSnapshot! } : null;
}

// Runs on record older than REMINDER_SWEEPS_KEEP_DAYS go, at most this many per run: each run adds one.
const PRUNE_RUNS_BATCH = 1_000;

// Keeps reminder_sweeps to the last `keepDays` days (wall clock), in one bounded statement. Losing an old
// completed run only costs the next sweep its window: without a base it walks everything.
export async function pruneSweepRuns(db: Db, keepDays: number): Promise<void> {
  const old = db
    .select({ id: reminderSweeps.id })
    .from(reminderSweeps)
    .where(lt(reminderSweeps.startedAt, sql`now() - make_interval(days => ${keepDays}::int)`))
    .orderBy(reminderSweeps.startedAt, reminderSweeps.id)
    .limit(PRUNE_RUNS_BATCH);
  await db.delete(reminderSweeps).where(inArray(reminderSweeps.id, old));
}

export async function recordSweepProgress(db: Db, id: string, totals: SweepTotals): Promise<void> {
  await db.update(reminderSweeps).set(totals).where(eq(reminderSweeps.id, id));
}

// What operators need to read: the database's own error, not drizzle's "Failed query: <SQL>" wrapper.
function describeError(error: unknown): string {
  let root = error;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  return (root instanceof Error ? root.message : String(root)).slice(0, 1000);
}

export async function finishSweepRun(db: Db, id: string, totals: SweepTotals, error: unknown): Promise<void> {
  const message = error === null ? null : describeError(error);
  await db
    .update(reminderSweeps)
    .set({ ...totals, finishedAt: new Date(), error: message })
    .where(eq(reminderSweeps.id, id));
}

// The latest sweep for the operator console: a failing or stuck sweep is visible the same day.
// Note: operator-only; sweeps span all accounts.
export async function getLastReminderSweep(operator: Operator): Promise<ReminderSweep | null> {
  requireOperator(operator);
  const db = await getDb();
  const [run] = await db.select().from(reminderSweeps).orderBy(desc(reminderSweeps.startedAt), desc(reminderSweeps.id)).limit(1);
  return run ?? null;
}
