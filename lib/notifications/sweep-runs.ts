import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDb } from "@/db/client";
import { reminderSweeps, type ReminderSweep } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";

export type SweepTotals = { batches: number; notifications: number; alerts: number; emails: number };

// Each write is its own statement outside the batches' transactions, so the record survives the
// batch that failed and shows how far the sweep got.
export async function startSweepRun(db: Db, now: Date): Promise<string> {
  const [run] = await db.insert(reminderSweeps).values({ sweepAt: now }).returning({ id: reminderSweeps.id });
  return run.id;
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
