import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { OUTBOX_RETRY } from "@/lib/notifications/outbox/backoff";
import type { EmailSender } from "@/lib/notifications/outbox/email-sender";
import { runOutboxWorker } from "@/lib/notifications/outbox/outbox-worker";
import type { SendOutcome } from "@/lib/notifications/outbox/send-outcome";
import { holdRowLocks } from "../support/lock-barrier";
import { itOnPostgres } from "../support/postgres-only";

// What the outbox worker records for a send (R-N6), with senders that answer exactly as told.

const t0 = new Date("2026-12-01T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const LEASE_MS = 60_000;

async function enqueueOne() {
  const key = `test:${randomUUID()}`;
  await enqueueEmail(await getDb(), {
    accountId: null,
    userId: null,
    to: "someone@example.test",
    subject: "Hello",
    html: "<p>Hi</p>",
    text: "Hi",
    idempotencyKey: key,
    notBefore: t0,
  });
  return key;
}

async function rowFor(key: string) {
  const [row] = await (await getDb()).select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, key));
  return row;
}

const answering = (outcome: SendOutcome): EmailSender => ({ mode: "resend", send: async () => outcome });

// A sender that holds its answer until the test gives it: the worker using it is mid-send.
function heldSender() {
  let entered!: () => void;
  const started = new Promise<void>((resolve) => (entered = resolve));
  let answer!: (outcome: SendOutcome) => void;
  const outcome = new Promise<SendOutcome>((resolve) => (answer = resolve));
  const sender: EmailSender = {
    mode: "resend",
    send: async () => {
      entered();
      return outcome;
    },
  };
  return { sender, started, answer };
}

// Only rows this test enqueued are due: each run below is limited to what is pending now.
async function runWorker(now: Date, sender: EmailSender) {
  return runOutboxWorker(await getDb(), { now, sender, leaseMs: LEASE_MS, random: () => 0.5 });
}

describe("a sender that throws", () => {
  it("is a retry (the send may not have happened), not a permanent failure", async () => {
    const key = await enqueueOne();
    const throwing: EmailSender = {
      mode: "resend",
      send: async () => {
        throw new Error("socket hang up");
      },
    };
    expect(await runWorker(t0, throwing)).toMatchObject({ claimed: 1, retried: 1, failed: 0 });
    const row = await rowFor(key);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "network: socket hang up" });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());

    // The retry, once due, goes out.
    await runWorker(row.nextAttemptAt, answering({ kind: "sent", providerMessageId: "msg-2" }));
    expect(await rowFor(key)).toMatchObject({ status: "sent", attempts: 2, providerMessageId: "msg-2" });
  });
});

describe("a worker whose lease has not expired", () => {
  it("keeps the row from another worker while it sends", async () => {
    const key = await enqueueOne();
    const slow = heldSender();
    const first = runWorker(t0, slow.sender);
    await slow.started;
    // Within the lease, a second worker finds nothing due.
    expect(await runWorker(later(LEASE_MS - 1_000), answering({ kind: "sent", providerMessageId: "msg-too-early" }))).toMatchObject({ claimed: 0 });
    slow.answer({ kind: "sent", providerMessageId: "msg-first" });
    await first;
    expect(await rowFor(key)).toMatchObject({ status: "sent", attempts: 1, providerMessageId: "msg-first" });
  });
});

describe("a worker whose lease expired mid-send", () => {
  it("cannot overwrite the row another worker has since sent", async () => {
    const key = await enqueueOne();
    const slow = heldSender();
    const first = runWorker(t0, slow.sender);
    await slow.started;
    // The lease runs out; a second worker claims the row again and sends it.
    await runWorker(later(LEASE_MS + 1_000), answering({ kind: "sent", providerMessageId: "msg-second" }));
    slow.answer({ kind: "failed", error: "422 validation_error: late answer" });
    await first;
    expect(await rowFor(key)).toMatchObject({ status: "sent", attempts: 2, providerMessageId: "msg-second", lastError: null });
  });

  it("cannot overwrite the retry another worker has since scheduled", async () => {
    const key = await enqueueOne();
    const slow = heldSender();
    const first = runWorker(t0, slow.sender);
    await slow.started;
    await runWorker(later(LEASE_MS + 1_000), answering({ kind: "retry", error: "503 second worker", retryAfterMs: null }));
    const scheduled = await rowFor(key);
    expect(scheduled).toMatchObject({ status: "pending", attempts: 2, lastError: "503 second worker" });
    slow.answer({ kind: "failed", error: "422 validation_error: late answer" });
    await first;
    expect(await rowFor(key)).toEqual(scheduled);
  });
});

const throwing = (message: string): EmailSender => ({
  mode: "resend",
  send: async () => {
    throw new Error(message);
  },
});

// The row's last attempt is next: as if it had already been tried maxAttempts - 1 times.
async function onLastAttempt(key: string) {
  await (
    await getDb()
  )
    .update(emailOutbox)
    .set({ attempts: OUTBOX_RETRY.maxAttempts - 1 })
    .where(eq(emailOutbox.idempotencyKey, key));
}

describe("what a run reports and keeps", () => {
  it("counts each email as sent, retried or failed", async () => {
    await enqueueOne();
    expect(await runWorker(t0, answering({ kind: "sent", providerMessageId: "msg-count" }))).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    await enqueueOne();
    expect(await runWorker(t0, answering({ kind: "failed", error: "422 validation_error: bad" }))).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
  });

  it("gives up on a sender that still throws at the last attempt, saying so", async () => {
    const key = await enqueueOne();
    await onLastAttempt(key);
    expect(await runWorker(t0, throwing("socket hang up"))).toMatchObject({ claimed: 1, retried: 0, failed: 1 });
    expect(await rowFor(key)).toMatchObject({
      status: "failed",
      attempts: OUTBOX_RETRY.maxAttempts,
      lastError: `Gave up after ${OUTBOX_RETRY.maxAttempts} attempts. Last error: network: socket hang up`,
    });
  });

  it("keeps at most 500 characters of a thrown error and 1000 of a failure", async () => {
    const thrown = await enqueueOne();
    await runWorker(t0, throwing("x".repeat(2_000)));
    expect((await rowFor(thrown)).lastError).toBe(`network: ${"x".repeat(2_000)}`.slice(0, 500));

    const failed = await enqueueOne();
    const error = `422 validation_error: ${"y".repeat(2_000)}`;
    await runWorker(t0, answering({ kind: "failed", error }));
    expect((await rowFor(failed)).lastError).toBe(error.slice(0, 1_000));
  });
});

describe("batches", () => {
  const sent = answering({ kind: "sent", providerMessageId: "msg-batch" });

  it("claims batch after batch until one comes back short", async () => {
    const keys = [await enqueueOne(), await enqueueOne(), await enqueueOne()];
    expect(await runOutboxWorker(await getDb(), { now: t0, sender: sent, batchSize: 2 })).toEqual({ claimed: 3, sent: 3, retried: 0, failed: 0 });
    for (const key of keys) expect(await rowFor(key)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("stops after maxBatches batches of batchSize, leaving the rest due for the next run", async () => {
    const keys = [await enqueueOne(), await enqueueOne(), await enqueueOne()];
    expect(await runOutboxWorker(await getDb(), { now: t0, sender: sent, batchSize: 1, maxBatches: 2 })).toEqual({ claimed: 2, sent: 2, retried: 0, failed: 0 });
    const rows = await Promise.all(keys.map(rowFor));
    expect(rows.map((r) => r.status).sort()).toEqual(["pending", "sent", "sent"]);
    expect(rows.find((r) => r.status === "pending")).toMatchObject({ attempts: 0 });
    await runOutboxWorker(await getDb(), { now: t0, sender: sent, batchSize: 1, maxBatches: 2 });
  });

  // FOR UPDATE SKIP LOCKED: a row another worker is claiming right now is passed over, never waited
  // for. The run below may not wait for any lock (lock_timeout): without SKIP LOCKED it would queue
  // behind the held row and fail, every run.
  itOnPostgres("a row locked by another worker's claim is skipped, not waited for", async () => {
    const [held, free] = [await enqueueOne(), await enqueueOne()];
    const lock = await holdRowLocks("select id from email_outbox where idempotency_key = $1 for update", [held]);
    try {
      const result = await (
        await getDb()
      ).transaction(async (tx) => {
        await tx.execute(sql`set local lock_timeout = '1s'`);
        return runOutboxWorker(tx, { now: t0, sender: sent, leaseMs: LEASE_MS });
      });
      expect(result).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    } finally {
      await lock.release();
    }
    expect(await rowFor(free)).toMatchObject({ status: "sent" });
    expect(await rowFor(held)).toMatchObject({ status: "pending", attempts: 0 });
    await runOutboxWorker(await getDb(), { now: t0, sender: sent });
    expect(await rowFor(held)).toMatchObject({ status: "sent", attempts: 1 });
  });
});
