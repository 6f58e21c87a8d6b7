import "server-only";
import { eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import type { KeysetPage, PageRequest } from "@/lib/pagination/keyset";
import { isoDateInZone } from "@/lib/dates";
import { pageRequestOf, type ListFilters } from "./filters";
import { BALANCE_DUE } from "./balance-due";
import { fetchInvoiceRows, invoiceCellsQuery, summarizeInvoiceRows, type InvoiceList, type InvoiceListRow, type ListSummary } from "./invoice-list-query";
import type { InvoiceStatus } from "./invoice-status";
import { memoizedSummary, summaryKey } from "./summary-memo";
import { summaryWindowOf, sumInvoiceWindows } from "./tab-summary-sums";

// Open Invoices (R-I1): a balance is due and the invoice is not void — exactly status "open",
// which is also the predicate of the partial index invoices_account_open_due_idx.
export const IS_OPEN = eq(invoices.status, "open");
// The same base as stored statuses, for the per-day summaries.
export const OPEN_STATUSES = ["open"] as const satisfies readonly InvoiceStatus[];

// One keyset page of open invoices; exports call it with their own cursor and batch size.
export async function fetchOpenInvoiceRows(viewer: Viewer, filters: ListFilters, now: Date, request: PageRequest): Promise<KeysetPage<InvoiceListRow>> {
  requirePermission(viewer, "invoices.view");
  return fetchInvoiceRows(viewer, filters, now, IS_OPEN, request, "due_date");
}

// Every open invoice the filters match, in the tab's order, as `cells`: the CSV export's COPY.
export function openInvoiceCellsQuery(db: Db, viewer: Viewer, filters: ListFilters, now: Date, cells: SQL[]) {
  requirePermission(viewer, "invoices.view");
  return invoiceCellsQuery(db, viewer, filters, now, IS_OPEN, "due_date", cells);
}

// How many open invoices match and the balance due on them: from the per-day summaries unless a
// text or amount filter (or only one of open / past due) needs each invoice; those scan the matching rows.
export async function summarizeOpenInvoices(viewer: Viewer, filters: ListFilters, now: Date): Promise<ListSummary> {
  requirePermission(viewer, "invoices.view");
  const key = summaryKey("open", filters, isoDateInZone(now, viewer.account.timeZone));
  const window = summaryWindowOf(filters, OPEN_STATUSES);
  return memoizedSummary(key, async () =>
    window ? (await sumInvoiceWindows(viewer, now, { open: { window, amount: "balance" } })).open : summarizeInvoiceRows(viewer, filters, now, IS_OPEN, BALANCE_DUE),
  );
}

// The Open Invoices tab: the page the filters ask for, plus count and balance-due total.
export async function listOpenInvoices(viewer: Viewer, filters: ListFilters, now: Date): Promise<InvoiceList> {
  const [page, summary] = await Promise.all([fetchOpenInvoiceRows(viewer, filters, now, pageRequestOf(filters)), summarizeOpenInvoices(viewer, filters, now)]);
  return { ...page, ...summary };
}
