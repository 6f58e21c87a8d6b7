import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import type { EmailSender } from "@/lib/notifications/outbox/email-sender";
import { runOutboxWorker } from "@/lib/notifications/outbox/outbox-worker";
import type { SendOutcome } from "@/lib/notifications/outbox/send-outcome";

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
