import "server-only";
import { env } from "@/lib/env";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox, type OutboxEmail } from "@/db/schema";
import { countEmail } from "@/lib/metrics/registry";
import { OUTBOX_RETRY, retryDelayMs } from "./backoff";
import { emailSenderFromEnv, type EmailSender } from "./email-sender";
import type { SendOutcome } from "./send-outcome";

export type OutboxRunResult = { claimed: number; sent: number; retried: number; failed: number };

export type OutboxWorkerOptions = {
  now?: Date;
  sender?: EmailSender;
  batchSize?: number;
  maxBatches?: number;
  // How long a claimed row is hidden from other workers; longer than one send can take.
  leaseMs?: number;
  random?: () => number;
  // Emails in flight at once (OUTBOX_CONCURRENCY).
  concurrency?: number;
};

// Claims due rows in one statement: FOR UPDATE SKIP LOCKED so concurrent workers (several app
// instances) take disjoint rows, and next_attempt_at moves forward by the lease so a worker that dies
// mid-send leaves the row to be retried, not lost. Counting the attempt here makes a crash count too.
export async function claimDueEmails(db: Db, now: Date, batchSize: number, leaseMs: number): Promise<OutboxEmail[]> {
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, now)))
    .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
    .limit(batchSize)
    .for("update", { skipLocked: true });
  return db
    .update(emailOutbox)
    .set({ attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs) })
    .where(inArray(emailOutbox.id, due))
    .returning();
}

// OUTBOX_CONCURRENCY (default 1): emails of a claimed batch in flight at once. More drains a large
// outbox faster; Resend's rate limit answers 429 with Retry-After, which the backoff honours.
export function outboxConcurrency(): number {
  return env().OUTBOX_CONCURRENCY;
}

// Runs `work` over `items` with at most `limit` at a time.
async function forEachConcurrently<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

// Sends what is due in the outbox (R-N6): retries 429/5xx/network errors with backoff and jitter
// (at least the server's Retry-After), fails 4xx validation errors at once, and gives up after
// OUTBOX_RETRY.maxAttempts, keeping the row and its last error. A Resend outage loses nothing:
// rows stay pending until a later run gets through, and the Idempotency-Key makes that send once.
// Note: a system job across all accounts.
export async function runOutboxWorker(db: Db, options: OutboxWorkerOptions = {}): Promise<OutboxRunResult> {
  const now = options.now ?? new Date();
  const sender = options.sender ?? emailSenderFromEnv();
  const batchSize = options.batchSize ?? 25;
  const result: OutboxRunResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };

  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const claimed = await claimDueEmails(db, now, batchSize, options.leaseMs ?? 5 * 60_000);
    result.claimed += claimed.length;
    await forEachConcurrently(claimed, options.concurrency ?? outboxConcurrency(), async (row) => {
      const outcome = await sendSafely(sender, row, now);
      const recorded = await recordOutcome(db, row, outcome, now, options.random);
      result[recorded] += 1;
      countEmail(recorded);
    });
    if (claimed.length < batchSize) break;
  }
  return result;
}

async function sendSafely(sender: EmailSender, row: OutboxEmail, now: Date): Promise<SendOutcome> {
  try {
    return await sender.send(row, now);
  } catch (error) {
    return { kind: "retry", error: `network: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500), retryAfterMs: null };
  }
}

// Writes the result only if this worker still holds the claim (same attempt count, still pending).
async function recordOutcome(db: Db, row: OutboxEmail, outcome: SendOutcome, now: Date, random?: () => number): Promise<"sent" | "retried" | "failed"> {
  const mine = and(eq(emailOutbox.id, row.id), eq(emailOutbox.attempts, row.attempts), eq(emailOutbox.status, "pending"));
  if (outcome.kind === "sent") {
    await db.update(emailOutbox).set({ status: "sent", sentAt: now, providerMessageId: outcome.providerMessageId, lastError: null }).where(mine);
    return "sent";
  }
  if (outcome.kind === "failed" || row.attempts >= OUTBOX_RETRY.maxAttempts) {
    const error = outcome.kind === "retry" ? `Gave up after ${row.attempts} attempts. Last error: ${outcome.error}` : outcome.error;
    await db
      .update(emailOutbox)
      .set({ status: "failed", lastError: error.slice(0, 1000) })
      .where(mine);
    return "failed";
  }
  const delay = retryDelayMs(row.attempts, outcome.retryAfterMs, random);
  await db
    .update(emailOutbox)
    .set({ nextAttemptAt: new Date(now.getTime() + delay), lastError: outcome.error })
    .where(mine);
  return "retried";
}
