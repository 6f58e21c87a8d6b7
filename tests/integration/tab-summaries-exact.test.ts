import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as postInvoiceRoute } from "@/app/api/v1/invoices/route";
import { POST as postPaymentRoute } from "@/app/api/v1/payments/route";
import { getDb } from "@/db/client";
import { invoices, payments } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { BALANCE_DUE } from "@/lib/invoices/balance-due";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { upgradeAccountToGeneration4 } from "@/lib/operator/upgrade-account";
import { recordPaymentToAccount } from "@/lib/payments/record-payment-to-account";
import { randomFrom } from "../support/seeded-random";
import { expectReadsMatchScans, expectSummariesExact } from "../support/tab-summary-checks";
import {
  createTestAccount,
  createTestApiKey,
  createTestGrant,
  createTestInvoice,
  createTestOperator,
  createTestPayment,
  createTestUser,
  TEST_ACTOR,
  viewerFor,
  type TestAccount,
} from "../support/factories";

// Issue 14 item 4: the per-day summaries must always equal the invoices and payments they sum,
// whatever wrote them, and every count and total read from them must equal a scan of the rows, at
// any `now` (the checks: tests/support/tab-summary-checks.ts; concurrent payments:
// tab-summaries-concurrency.test.ts).

const NOW = new Date("2026-11-25T15:00:00Z");
const UPGRADED_AT = new Date(NOW.getTime() - 40 * 86_400_000); // hidden at NOW, in the grace period 20 days earlier

async function openInvoicesOf(account: TestAccount) {
  const db = await getDb();
  return db
    .select({ id: invoices.id, number: invoices.number, balance: BALANCE_DUE, paid: invoices.paidMinor })
    .from(invoices)
    .where(and(eq(invoices.accountId, account.account.id), eq(invoices.status, "open")))
    .orderBy(invoices.number);
}

describe("per-day tab summaries", () => {
  it("equal sums recomputed from scratch after a random mix of posts, payments, voids, ingest, an upgrade and grants, and every tab reads what a scan reads", async () => {
    const random = randomFrom(20261125);
    const operator = await createTestOperator();
    const key = await createTestApiKey(operator);
    const account = await createTestAccount();
    const other = await createTestAccount();
    let viewer = (await createTestUser(account, ["billing_manager"])).viewer;
    const db = await getDb();
    let upgraded = false;
    const day = () => addDays("2024-10-01", random.int(0, 780));
    const headers = () => ({ "content-type": "application/json", authorization: `Bearer ${key.secret}`, "idempotency-key": randomUUID() });
    const ingest = (route: (r: Request) => Promise<Response>, body: unknown) =>
      route(new Request("http://localhost/api/v1/x", { method: "POST", headers: headers(), body: JSON.stringify(body) }));

    const operations: Record<string, () => Promise<unknown>> = {
      post: async () => {
        const issueDate = day();
        const target = random.next() < 0.85 ? account : other;
        const generation = upgraded && random.next() < 0.8 ? 4 : 3;
        const lines = [{ description: "Hosting", quantity: "1", unitPriceMinor: random.pick([0, 1, 999, 10_000, 123_456]), taxRateBp: random.pick([0, 2000]) }];
        return createTestInvoice(
          target,
          { issueDate, dueDate: addDays(issueDate, 30), periodStart: addDays(issueDate, -30), periodEnd: addDays(issueDate, -1), generation, lines },
          { notify: false },
        );
      },
      ingestInvoice: async () => {
        const issueDate = day();
        const response = await ingest(postInvoiceRoute, {
          account: account.account.slug,
          number: `API-${randomUUID().slice(0, 8)}`,
          currency: "USD",
          issueDate,
          dueDate: addDays(issueDate, 14),
          servicePeriod: { start: addDays(issueDate, -30), end: addDays(issueDate, -1) },
          lines: [{ description: "Compute", quantity: "2", unitPriceMinor: random.int(1, 50_000) }],
        });
        expect(response.status).toBe(201);
      },
      payInFull: async () => {
        const open = await openInvoicesOf(account);
        if (open.length === 0) return;
        const invoice = random.pick(open);
        await recordPaymentToAccount(
          db,
          {
            accountId: account.account.id,
            receivedOn: day(),
            amountMinor: invoice.balance,
            reference: `FULL-${randomUUID().slice(0, 6)}`,
            method: "check",
            allocations: [{ invoiceId: invoice.id, amountMinor: invoice.balance }],
          },
          TEST_ACTOR,
        );
      },
      payPartly: async () => {
        const open = (await openInvoicesOf(account)).filter((i) => i.balance > 1);
        if (open.length === 0) return;
        const [a, b] = [random.pick(open), random.pick(open)];
        const allocations = [{ invoiceId: a.id, amountMinor: Math.floor(a.balance / 2) }];
        if (b.id !== a.id) allocations.push({ invoiceId: b.id, amountMinor: b.balance });
        const allocated = allocations.reduce((sum, x) => sum + x.amountMinor, 0);
        await recordPaymentToAccount(
          db,
          {
            accountId: account.account.id,
            receivedOn: day(),
            amountMinor: allocated + random.int(0, 500),
            reference: `PART-${randomUUID().slice(0, 6)}`,
            method: "card",
            allocations,
          },
          TEST_ACTOR,
        );
      },
      ingestPaymentOldestFirst: async () => {
        const response = await ingest(postPaymentRoute, {
          account: account.account.slug,
          receivedOn: day(),
          amountMinor: random.int(1, 200_000),
          currency: "USD",
          method: "bank_transfer",
          reference: `API-PAY-${randomUUID().slice(0, 6)}`,
        });
        expect(response.status).toBe(201);
      },
      unallocatedPayment: () => createTestPayment(random.next() < 0.8 ? account : other, { amountMinor: random.int(1, 90_000), receivedOn: day() }),
      void: async () => {
        const unpaid = (await openInvoicesOf(account)).filter((i) => i.paid === 0);
        if (unpaid.length > 0) await voidInvoice(db, random.pick(unpaid).id, "Posted in error", TEST_ACTOR);
      },
      upgrade: async () => {
        if (upgraded) return;
        await upgradeAccountToGeneration4(operator, account.account.id, UPGRADED_AT);
        upgraded = true;
        viewer = await viewerFor(viewer.userId);
      },
      grant: async () => {
        const generation3 = await db
          .select({ id: invoices.id })
          .from(invoices)
          .where(and(eq(invoices.accountId, account.account.id), eq(invoices.generation, 3)));
        if (generation3.length === 0) return;
        // Running at NOW, or expired before it.
        await createTestGrant(account, random.pick(generation3).id, new Date(NOW.getTime() + random.pick([-5, 3, 20]) * 86_400_000));
      },
      // Writes that bypass lib/ entirely: a set-based update that changes nothing summed, a
      // payment's status, and a delete.
      rawSql: async () => {
        await db.execute(sql`update ${invoices} set bill_to = 'Renamed ' || ${random.int(1, 9)} where account_id = ${account.account.id}`);
        await db.execute(sql`update ${payments} set status = ${random.pick(["refunded", "pending", "succeeded"])}
          where id = (select id from ${payments} where account_id = ${account.account.id} order by reference limit 1)`);
        await db.execute(sql`delete from ${invoices} where id = (select id from ${invoices} i where i.account_id = ${other.account.id}
          and not exists (select 1 from payment_allocations a where a.invoice_id = i.id) order by number limit 1)`);
      },
    };
    const weighted = [
      ...Array(6).fill("post"),
      ...Array(2).fill("ingestInvoice"),
      ...Array(3).fill("payInFull"),
      ...Array(3).fill("payPartly"),
      ...Array(2).fill("ingestPaymentOldestFirst"),
      "unallocatedPayment",
      ...Array(2).fill("void"),
      "grant",
      "rawSql",
    ];

    const done: string[] = [];
    for (let step = 0; step < 90; step++) {
      const name = step === 45 ? "upgrade" : random.pick(weighted);
      await operations[name]();
      done.push(name);
      if (step === 44) {
        // Before the upgrade: every Generation 3 invoice is visible.
        await expectSummariesExact();
        expect(await expectReadsMatchScans(viewer, NOW)).toBeGreaterThan(0);
      }
    }
    for (const name of ["grant", "grant", "rawSql"]) await operations[name]();

    const sizes = await expectSummariesExact();
    expect(sizes.invoiceRows).toBeGreaterThan(20);
    expect(upgraded).toBe(true);
    // In the grace period (all visible), once hidden (granted ones only), and after every grant expired.
    const visibleInGrace = await expectReadsMatchScans(viewer, new Date(NOW.getTime() - 20 * 86_400_000));
    const visibleHidden = await expectReadsMatchScans(viewer, NOW);
    await expectReadsMatchScans(viewer, new Date(NOW.getTime() + 40 * 86_400_000));
    expect(visibleHidden).toBeLessThan(visibleInGrace);
    // The mix did reach every kind of write.
    expect(new Set(done)).toEqual(new Set([...weighted, "upgrade"]));
  }, 120_000); // 90 writes and about 40 reads: 20 s on PGlite on a loaded 2-core machine
});
