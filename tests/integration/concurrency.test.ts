import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { idempotencyKeys, invoices, paymentAllocations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { runIdempotent } from "@/lib/ingest/idempotency";
import { recordPaymentAsOperator } from "@/lib/operator/record-payment-as-operator";
import { recordPaymentToAccount } from "@/lib/payments/record-payment-to-account";
import { createTestAccount, createTestApiKey, createTestInvoice, createTestOperator, TEST_ACTOR } from "../support/factories";
import { runThroughBarrier, waitForBlockedSessions } from "../support/lock-barrier";
import { describeOnPostgres } from "../support/postgres-only";

// Only on PostgreSQL with a connection pool, where the transactions genuinely overlap: on PGlite
// every statement is serialised and these would pass with their lock or unique key removed.

async function invoiceRow(id: string) {
  const [row] = await (await getDb()).select().from(invoices).where(eq(invoices.id, id));
  return row;
}

describeOnPostgres("simultaneous payment allocations", () => {
  it("cannot over-pay an invoice: of five 40% allocations at once, two succeed", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount();
    const invoice = await createTestInvoice(account); // $100.00
    // Each payment's insert waits until all five have started: without the invoice lock, all five
    // would check the balance before any of them commits.
    const results = await runThroughBarrier(
      "payments",
      [1, 2, 3, 4, 5].map(
        (i) => () =>
          recordPaymentAsOperator(operator, account.account.id, {
            receivedOn: "2026-11-02",
            amount: "40.00",
            method: "bank_transfer",
            reference: `WIRE-${i}`,
            allocationMode: "manual",
            allocations: [{ invoiceId: invoice.id, amount: "40.00" }],
          }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(
      results.filter((r) => r.status === "rejected").every((r) => r.status === "rejected" && r.reason instanceof AppError && /exceeds the balance/.test(r.reason.message)),
    ).toBe(true);
    expect(await invoiceRow(invoice.id)).toMatchObject({ paidMinor: 8_000, status: "open" });
  });

  it("two oldest-first payments at once settle an invoice exactly once", async () => {
    const account = await createTestAccount();
    const invoice = await createTestInvoice(account);
    const db = await getDb();
    const pay = (reference: string) =>
      recordPaymentToAccount(
        db,
        { accountId: account.account.id, receivedOn: "2026-11-02", amountMinor: 10_000, reference, method: "card", allocations: "oldest_first" },
        TEST_ACTOR,
      );
    // Both compute their oldest-first split before either commits unless the open invoices are locked first.
    const settled = await runThroughBarrier("payments", [() => pay("A"), () => pay("B")]);
    const [a, b] = settled.map((r) => {
      if (r.status === "rejected") throw r.reason;
      return r.value;
    });
    expect([a.allocations.length, b.allocations.length].sort()).toEqual([0, 1]);
    expect(await invoiceRow(invoice.id)).toMatchObject({ paidMinor: 10_000, status: "paid" });
    const allocations = await db.select().from(paymentAllocations).where(eq(paymentAllocations.invoiceId, invoice.id));
    expect(allocations.reduce((sum, x) => sum + x.amountMinor, 0)).toBe(10_000);
  });
});

describeOnPostgres("simultaneous requests with one Idempotency-Key", () => {
  it("run the posting once while the others wait and replay its result", async () => {
    const operator = await createTestOperator();
    const apiKey = await createTestApiKey(operator);
    const db = await getDb();
    const claim = { apiKeyId: apiKey.id, key: randomUUID(), endpoint: "POST /test", requestHash: "h1" };
    let executions = 0;
    const slowPosting = async () => {
      executions += 1;
      // Holds the key row until the three other requests are queued behind it on the unique
      // index (or 2 s pass, when nothing makes them wait: then they run the posting too and fail the test).
      await waitForBlockedSessions(3, 2_000).catch(() => undefined);
      return { status: 201, body: { n: executions } };
    };
    const results = await Promise.all([0, 1, 2, 3].map(() => runIdempotent(db, claim, slowPosting)));
    expect(executions).toBe(1);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.filter((r) => r.replayed)).toHaveLength(3);
    expect(results.every((r) => (r.body as { n: number }).n === 1)).toBe(true);
    const rows = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, claim.key));
    expect(rows).toHaveLength(1);
  });
});

describe("an Idempotency-Key whose first attempt failed", () => {
  it("lets a retry run again when the first attempt failed unexpectedly", async () => {
    const operator = await createTestOperator();
    const apiKey = await createTestApiKey(operator);
    const db = await getDb();
    const claim = { apiKeyId: apiKey.id, key: randomUUID(), endpoint: "POST /test", requestHash: "h1" };
    await expect(runIdempotent(db, claim, async () => Promise.reject(new Error("connection reset")))).rejects.toThrow("connection reset");
    const retry = await runIdempotent(db, claim, async () => ({ status: 201, body: { ok: true } }));
    expect(retry).toEqual({ status: 201, body: { ok: true }, replayed: false });
  });
});
