import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import type { Viewer } from "@/lib/access/load-viewer";
import { BALANCE_DUE } from "@/lib/invoices/balance-due";
import { parseInvoiceFilters, type RawFilters } from "@/lib/invoices/filters";
import { summarizeInvoiceRows } from "@/lib/invoices/invoice-list-query";
import { IS_OPEN, OPEN_STATUSES, summarizeOpenInvoices } from "@/lib/invoices/list-open-invoices";
import { BILLED, summarizeRecentInvoices } from "@/lib/invoices/list-recent-invoices";
import { getTabSummaries } from "@/lib/invoices/tab-summaries";
import { summaryWindowOf } from "@/lib/invoices/tab-summary-sums";
import { summarizeRecentPayments } from "@/lib/payments/list-recent-payments";

// The two checks the per-day summaries (db/schema/summaries.ts, kept by the triggers of migration
// 0009) must always pass: their rows equal a GROUP BY recomputed from the invoices and payments, and
// every count and total the tabs read from them equals a scan of the rows.

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

export async function expectSummariesExact() {
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
export async function expectReadsMatchScans(viewer: Viewer, now: Date) {
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
