import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { OUTBOX_RETRY } from "@/lib/notifications/outbox/backoff";
import { DEV_MAILBOX_ID, emailsAreCaptured } from "@/lib/notifications/outbox/email-sender";
import { runOutboxWorker } from "@/lib/notifications/outbox/outbox-worker";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { runThroughBarrier } from "../support/lock-barrier";
import { itOnPostgres } from "../support/postgres-only";

let fake: FakeResend;
const env = { ...process.env };
const t0 = new Date("2026-12-01T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = fake.url;
  // Well under the fake server's 2 s "timeout" reply, and well over a local send on a busy 2-core machine.
  process.env.EMAIL_SEND_TIMEOUT_MS = "1000";
  process.env.EMAIL_FROM = "Billing <billing@example.test>";
  fake.always(null);
});
afterEach(() => {
  for (const key of ["RESEND_API_KEY", "RESEND_BASE_URL", "EMAIL_SEND_TIMEOUT_MS", "EMAIL_FROM"]) {
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
});

async function enqueue(n = 1) {
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = `test:${randomUUID()}`;
    keys.push(key);
    await enqueueEmail(await getDb(), {
      accountId: null,
      userId: null,
      to: `user${i}@example.test`,
      subject: `Subject ${i}`,
      html: "<p>Hi</p>",
      text: "Hi",
      idempotencyKey: key,
      notBefore: t0,
    });
  }
  return keys;
}

async function rowsFor(keys: string[]) {
  return (await getDb()).select().from(emailOutbox).where(inArray(emailOutbox.idempotencyKey, keys));
}

const run = async (now: Date) => runOutboxWorker(await getDb(), { now, random: () => 0.5 });

describe("outbox worker against a fake Resend", () => {
  it("sends through the resend SDK with the outbox row's key as Idempotency-Key", async () => {
    const [key] = await enqueue();
    await run(t0);
    const request = fake.requests.find((r) => r.idempotencyKey === key)!;
    expect(request).toMatchObject({ method: "POST", path: "/emails", authorization: "Bearer re_test_key" });
    expect(request.body).toMatchObject({ from: "Billing <billing@example.test>", to: "user0@example.test", subject: "Subject 0", html: "<p>Hi</p>", text: "Hi" });
    const [row] = await rowsFor([key]);
    expect(row).toMatchObject({ status: "sent", attempts: 1, providerMessageId: fake.deliveries.get(key), lastError: null });
    expect(row.sentAt?.toISOString()).toBe(t0.toISOString());
  });

  it("without EMAIL_FROM sends from the provider's name at Resend's onboarding address", async () => {
    delete process.env.EMAIL_FROM;
    process.env.PORTAL_PROVIDER_NAME = "Acme Hosting";
    try {
      const [key] = await enqueue();
      await run(t0);
      expect(fake.requests.find((r) => r.idempotencyKey === key)?.body.from).toBe("Acme Hosting Billing <onboarding@resend.dev>");
    } finally {
      if (env.PORTAL_PROVIDER_NAME === undefined) delete process.env.PORTAL_PROVIDER_NAME;
      else process.env.PORTAL_PROVIDER_NAME = env.PORTAL_PROVIDER_NAME;
    }
  });

  it("retries an answer with neither an id nor an error (nothing says the email went out)", async () => {
    const [key] = await enqueue();
    fake.enqueue({ status: "empty" });
    expect(await run(t0)).toMatchObject({ claimed: 1, sent: 0, retried: 1, failed: 0 });
    const [row] = await rowsFor([key]);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "network error: no response" });
    await run(row.nextAttemptAt);
    expect((await rowsFor([key]))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("waits at least the Retry-After of a 429, then sends", async () => {
    const [key] = await enqueue();
    fake.enqueue({ status: 429, retryAfterSeconds: 600 });
    await run(t0);
    let [row] = await rowsFor([key]);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toContain("429");
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 600_000);
    await run(later(599_000));
    expect((await rowsFor([key]))[0].attempts).toBe(1);
    await run(later(600_000));
    [row] = await rowsFor([key]);
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("loses nothing in an outage of 500s and delivers every email exactly once when it ends", async () => {
    const keys = await enqueue(5);
    fake.always({ status: 500 });
    let now = t0;
    for (let i = 0; i < 4; i++) {
      await run(now);
      now = later((i + 1) * 60 * 60_000);
    }
    const during = await rowsFor(keys);
    expect(during.every((r) => r.status === "pending" && r.lastError?.includes("500"))).toBe(true);
    expect(new Set(during.map((r) => r.attempts))).toEqual(new Set([4]));

    fake.always(null);
    await run(later(24 * 60 * 60_000));
    const after = await rowsFor(keys);
    expect(after.every((r) => r.status === "sent")).toBe(true);
    for (const key of keys) expect(fake.deliveries.has(key)).toBe(true);
    expect(fake.requests.filter((r) => keys.includes(r.idempotencyKey!) && r.reply === 200)).toHaveLength(5);
    await run(later(48 * 60 * 60_000));
    expect(fake.requests.filter((r) => keys.includes(r.idempotencyKey!) && r.reply === 200)).toHaveLength(5);
  });

  it("retries a timed-out send with the same Idempotency-Key, so the email is delivered once", async () => {
    const [key] = await enqueue();
    fake.enqueue({ status: "timeout", delayMs: 2_000 });
    await run(t0);
    let [row] = await rowsFor([key]);
    expect(row.status).toBe("pending");
    expect(row.lastError).toContain("network");
    await run(later(60 * 60_000));
    [row] = await rowsFor([key]);
    expect(row.status).toBe("sent");
    const attempts = fake.requests.filter((r) => r.idempotencyKey === key);
    expect(attempts.map((r) => r.reply)).toEqual(["timeout", 200]);
    expect([...fake.deliveries.keys()].filter((k) => k === key)).toHaveLength(1);
    expect(row.providerMessageId).toBe(fake.deliveries.get(key));
  });

  it("does not retry a 422 validation error and keeps it as failed with the error", async () => {
    const [key] = await enqueue();
    fake.enqueue({ status: 422, message: "Invalid `to` field." });
    await run(t0);
    await run(later(24 * 60 * 60_000));
    const [row] = await rowsFor([key]);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.lastError).toBe("422 validation_error: Invalid `to` field.");
    expect(fake.requests.filter((r) => r.idempotencyKey === key)).toHaveLength(1);
  });

  it("gives up after the maximum number of attempts and keeps the last error", async () => {
    const [key] = await enqueue();
    fake.always({ status: 500 });
    for (let i = 0; i < OUTBOX_RETRY.maxAttempts + 2; i++) await run(later(i * 2 * 60 * 60_000));
    const [row] = await rowsFor([key]);
    expect(row).toMatchObject({ status: "failed", attempts: OUTBOX_RETRY.maxAttempts });
    expect(row.lastError).toMatch(/^Gave up after 12 attempts\. Last error: 500/);
  });

  itOnPostgres("concurrent workers claim disjoint rows: each email is sent once", async () => {
    const keys = await enqueue(12);
    const db = await getDb();
    // Twelve sends released at once: not the place to test the send timeout (a busy machine hits 300 ms).
    process.env.EMAIL_SEND_TIMEOUT_MS = "10000";
    // Each worker's claiming UPDATE waits until all three have selected their rows: without
    // FOR UPDATE SKIP LOCKED they would all have selected the same four.
    const results = await runThroughBarrier(
      "email_outbox",
      [1, 2, 3].map(() => () => runOutboxWorker(db, { now: t0, batchSize: 4 })),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    const rows = await rowsFor(keys);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    for (const key of keys) expect(fake.requests.filter((r) => r.idempotencyKey === key)).toHaveLength(1);
  });

  it("without RESEND_API_KEY captures emails for the development mailbox instead of sending", async () => {
    expect(emailsAreCaptured()).toBe(false);
    delete process.env.RESEND_API_KEY;
    expect(emailsAreCaptured()).toBe(true);
    const [key] = await enqueue();
    const before = fake.requests.length;
    await run(t0);
    const [row] = await rowsFor([key]);
    expect(row).toMatchObject({ status: "sent", providerMessageId: DEV_MAILBOX_ID });
    // Stored in the row, and how /dev/mailbox tells a captured email from a sent one after a deploy: the id itself must not change.
    expect(row.providerMessageId).toBe("dev-mailbox");
    expect(fake.requests.length).toBe(before);
  });

  it("a row another worker holds under lease is not sent again", async () => {
    const [key] = await enqueue();
    const db = await getDb();
    await db
      .update(emailOutbox)
      .set({ nextAttemptAt: later(5 * 60_000), attempts: 1 })
      .where(eq(emailOutbox.idempotencyKey, key));
    await run(t0);
    expect(fake.requests.filter((r) => r.idempotencyKey === key)).toHaveLength(0);
  });
});
