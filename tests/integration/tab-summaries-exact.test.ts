import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as postInvoiceRoute } from "@/app/api/v1/invoices/route";
import { POST as postPaymentRoute } from "@/app/api/v1/payments/route";
import { getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { invoices, payments } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { addDays } from "@/lib/dates";
import { BALANCE_DUE } from "@/lib/invoices/balance-due";
import { parseInvoiceFilters, type RawFilters } from "@/lib/invoices/filters";
import { summarizeInvoiceRows } from "@/lib/invoices/invoice-list-query";
import { IS_OPEN, OPEN_STATUSES, summarizeOpenInvoices } from "@/lib/invoices/list-open-invoices";
import { BILLED, summarizeRecentInvoices } from "@/lib/invoices/list-recent-invoices";
import { getTabSummaries } from "@/lib/invoices/tab-summaries";
import { summaryWindowOf } from "@/lib/invoices/tab-summary-sums";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { upgradeAccountToGeneration4 } from "@/lib/operator/upgrade-account";
import { summarizeRecentPayments } from "@/lib/payments/list-recent-payments";
import { recordPaymentToAccount } from "@/lib/payments/record-payment-to-account";
import { itOnPostgres } from "../support/postgres-only";
import { runThroughBarrier } from "../support/lock-barrier";
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

// Issue 14 item 4: the per-day summaries (db/schema/summaries.ts, kept by the triggers of
// migration 0009) must always equal the invoices and payments they sum, whatever wrote them, and
// every count and total read from them must equal a scan of the rows, at any `now`.

const NOW = new Date("2026-11-25T15:00:00Z");
const UPGRADED_AT = new Date(NOW.getTime() - 40 * 86_400_000); // hidden at NOW, in the grace period 20 days earlier

// A small seeded generator, so a failure names the run that found it.
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  return { next, int, pick };
}

const text = (v: unknown) => String(v);

// Every nonzero summary row next to the same sums recomputed from the invoices and payments.
async function summariesAgainstRows() {
  const db = await getDb();
  const invoiceRows = (query: ReturnType<typeof sql>) => rawRows<Record<string, unknown>>(db, query).then((rows) => rows.map((r) => Object.values(r).map(text).join(" ")));
  return {
    storedInvoices: await invoiceRows(sql`select account_id, issue_date::text, status, generation, currency, invoice_count, total_minor, paid_minor
      from invoice_day_summaries where invoice_count <> 0 or total_minor <> 0 or paid_minor <> 0 order by 1, 2, 3, 4, 5`),
    recomputedInvoices: await invoiceRows(sql`select account_id, issue_date::text, status, generation, currency, count(*) as n, sum(total_minor) as t, sum(paid_minor) as p
      from invoices group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
    storedMonths: await invoiceRows(sql`select account_id, month::text, status, generation, currency, invoice_count, total_minor, paid_minor
      from invoice_month_summaries where invoice_count <> 0 or total_minor <> 0 or paid_minor <> 0 order by 1, 2, 3, 4, 5`),
    recomputedMonths:
      await invoiceRows(sql`select account_id, date_trunc('month', issue_date)::date::text, status, generation, currency, count(*) as n, sum(total_minor) as t, sum(paid_minor) as p
      from invoices group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
    storedPayments: await invoiceRows(sql`select account_id, received_on::text, status, currency, payment_count, amount_minor
      from payment_day_summaries where payment_count <> 0 or amount_minor <> 0 order by 1, 2, 3, 4`),
    recomputedPayments: await invoiceRows(sql`select account_id, received_on::text, status, currency, count(*) as n, sum(amount_minor) as t
      from payments group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
  };
}

async function expectSummariesExact() {
  const { storedInvoices, recomputedInvoices, storedMonths, recomputedMonths, storedPayments, recomputedPayments } = await summariesAgainstRows();
  expect(storedInvoices).toEqual(recomputedInvoices);
  expect(storedMonths).toEqual(recomputedMonths);
  expect(storedPayments).toEqual(recomputedPayments);
  return { invoiceRows: recomputedInvoices.length, paymentRows: recomputedPayments.length };
}

const INVOICE_VIEWS: RawFilters[] = [
  { tab: "open" },
  { tab: "open", status: ["open", "past_due"] },
  { tab: "open", from: "2025-06-01", to: "2026-03-31" },
  { tab: "recent" },
  { tab: "recent", from: "" },
  { tab: "recent", from: "", status: ["paid", "void"] },
  { tab: "recent", from: "", to: "2026-01-31", status: ["open", "past_due", "void"] },
  { tab: "recent", from: "2026-02-01", to: "2026-02-28", status: ["paid"] },
  { tab: "recent", from: "2025-03-15", to: "2026-06-10" },
  { tab: "open", from: "2025-01-01", to: "2025-12-31", status: ["open", "past_due"] },
];
const PAYMENT_VIEWS: RawFilters[] = [{ tab: "payments" }, { tab: "payments", from: "" }, { tab: "payments", from: "", status: ["refunded", "pending"] }];

// A scan of the payments, the way summarizeRecentPayments read them before the summaries.
async function scannedPayments(viewer: Viewer, raw: RawFilters, now: Date) {
  const filters = parseInvoiceFilters(raw, viewer.account, now);
  const statuses = filters.statuses.length ? sql`and status in (${sql.join(filters.statuses, sql`, `)})` : sql``;
  const [row] = await rawRows<{ n: string; t: string }>(
    await getDb(),
    sql`select count(*)::text as n, coalesce(sum(amount_minor) filter (where status = 'succeeded'), 0)::text as t from payments
      where account_id = ${viewer.accountId} and received_on >= coalesce(${filters.from}::date, '-infinity') and received_on <= coalesce(${filters.to}::date, 'infinity') ${statuses}`,
  );
  return { count: Number(row.n), totalMinor: BigInt(row.t) };
}

// Every view's count and total as the tabs read them (summaries) and as a scan of the rows reads them.
async function expectReadsMatchScans(viewer: Viewer, now: Date) {
  for (const raw of INVOICE_VIEWS) {
    const filters = parseInvoiceFilters(raw, viewer.account, now);
    const open = filters.tab === "open";
    expect(summaryWindowOf(filters, open ? OPEN_STATUSES : null), JSON.stringify(raw)).not.toBeNull();
    const read = open ? await summarizeOpenInvoices(viewer, filters, now) : await summarizeRecentInvoices(viewer, filters, now);
    const scanned = await summarizeInvoiceRows(viewer, filters, now, open ? IS_OPEN : null, open ? BALANCE_DUE : BILLED);
    expect(read, `${JSON.stringify(raw)} at ${now.toISOString()}`).toEqual(scanned);
  }
  for (const raw of PAYMENT_VIEWS) {
    const filters = parseInvoiceFilters(raw, viewer.account, now);
    expect(await summarizeRecentPayments(viewer, filters), JSON.stringify(raw)).toEqual(await scannedPayments(viewer, raw, now));
  }
  const tabs = await getTabSummaries(viewer, now);
  const defaults = (tab: "open" | "recent") => parseInvoiceFilters({ tab }, viewer.account, now);
  expect(tabs.summaries.open).toEqual(await summarizeInvoiceRows(viewer, defaults("open"), now, IS_OPEN, BALANCE_DUE));
  expect(tabs.summaries.recent).toEqual(await summarizeInvoiceRows(viewer, defaults("recent"), now, null, BILLED));
  const everything = await summarizeInvoiceRows(viewer, parseInvoiceFilters({ tab: "recent", from: "" }, viewer.account, now), now, null, BILLED);
  expect(tabs.hasInvoices).toBe(everything.count > 0);
  return everything.count;
}

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

  itOnPostgres("stay exact when two payments apply to invoices of the same days at once, in opposite orders, without a deadlock", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const post = (issueDate: string) =>
      createTestInvoice(
        account,
        { issueDate, dueDate: addDays(issueDate, 30), lines: [{ description: "Hosting", quantity: "1", unitPriceMinor: 10_000, taxRateBp: 0 }] },
        { notify: false },
      );
    const [a1, a2, b1, b2] = [await post("2026-09-01"), await post("2026-10-01"), await post("2026-09-01"), await post("2026-10-01")];
    const db = await getDb();
    // Both wait at the barrier on payment_allocations, after inserting their payments (different
    // days, so neither waits on the other's payment summary row), then update their invoices:
    // one the September invoice first, the other the October one first.
    const results = await runThroughBarrier("payment_allocations", [
      () =>
        recordPaymentToAccount(
          db,
          {
            accountId: account.account.id,
            receivedOn: "2026-11-01",
            amountMinor: 20_000,
            reference: "A",
            method: "check",
            allocations: [
              { invoiceId: a1.id, amountMinor: 10_000 },
              { invoiceId: a2.id, amountMinor: 6_000 },
            ],
          },
          TEST_ACTOR,
        ),
      () =>
        recordPaymentToAccount(
          db,
          {
            accountId: account.account.id,
            receivedOn: "2026-11-02",
            amountMinor: 20_000,
            reference: "B",
            method: "check",
            allocations: [
              { invoiceId: b2.id, amountMinor: 10_000 },
              { invoiceId: b1.id, amountMinor: 4_000 },
            ],
          },
          TEST_ACTOR,
        ),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);

    // Two more at once on the same day's payment summary row and the same invoice days.
    const [c1, c2] = [await post("2026-09-01"), await post("2026-10-01")];
    const again = await runThroughBarrier("payment_allocations", [
      () =>
        recordPaymentToAccount(
          db,
          {
            accountId: account.account.id,
            receivedOn: "2026-11-03",
            amountMinor: 10_000,
            reference: "C",
            method: "check",
            allocations: [{ invoiceId: c1.id, amountMinor: 10_000 }],
          },
          TEST_ACTOR,
        ),
      () =>
        recordPaymentToAccount(
          db,
          {
            accountId: account.account.id,
            receivedOn: "2026-11-03",
            amountMinor: 10_000,
            reference: "D",
            method: "check",
            allocations: [{ invoiceId: c2.id, amountMinor: 7_000 }],
          },
          TEST_ACTOR,
        ),
    ]);
    expect(again.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);

    await expectSummariesExact();
    await expectReadsMatchScans(viewer, NOW);
    const tabs = await getTabSummaries(viewer, NOW);
    // Open: a2 (4 000 due), b1 (6 000), c2 (3 000); payments: four, 60 000 received.
    expect(tabs.summaries.open).toEqual({ count: 3, totalMinor: 13_000n });
    expect(tabs.summaries.payments).toEqual({ count: 4, totalMinor: 60_000n });
  });
});
