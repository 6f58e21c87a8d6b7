import "server-only";
import type { SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import type { KeysetPage, PageRequest } from "@/lib/pagination/keyset";
import { isoDateInZone } from "@/lib/dates";
import { billedSql } from "./balance-due";
import { pageRequestOf, type ListFilters } from "./filters";
import { fetchInvoiceRows, invoiceCellsQuery, summarizeInvoiceRows, type InvoiceList, type InvoiceListRow, type ListSummary } from "./invoice-list-query";
import { memoizedSummary, summaryKey } from "./summary-memo";
import { summaryWindowOf, sumInvoiceWindows } from "./tab-summary-sums";

// Recent Invoices (R-I1): every visible invoice, newest first by default, last 12 months by default.
// Note: the total is what was billed, so void invoices count as rows but add nothing to it.
export const BILLED = billedSql(invoices.status, invoices.totalMinor);

// One keyset page of invoices; exports call it with their own cursor and batch size.
export async function fetchRecentInvoiceRows(viewer: Viewer, filters: ListFilters, now: Date, request: PageRequest): Promise<KeysetPage<InvoiceListRow>> {
  requirePermission(viewer, "invoices.view");
  return fetchInvoiceRows(viewer, filters, now, null, request, "issue_date");
}

// Every invoice the filters match, in the tab's order, as `cells`: the CSV export's COPY.
export function recentInvoiceCellsQuery(db: Db, viewer: Viewer, filters: ListFilters, now: Date, cells: SQL[]) {
  requirePermission(viewer, "invoices.view");
  return invoiceCellsQuery(db, viewer, filters, now, null, "issue_date", cells);
}

// How many invoices match and what they billed: from the per-day summaries unless a text or amount
// filter (or only one of open / past due) needs each invoice; those scan the matching rows.
export async function summarizeRecentInvoices(viewer: Viewer, filters: ListFilters, now: Date): Promise<ListSummary> {
  requirePermission(viewer, "invoices.view");
  const key = summaryKey("recent", filters, isoDateInZone(now, viewer.account.timeZone));
  const window = summaryWindowOf(filters, null);
  return memoizedSummary(key, async () =>
    window ? (await sumInvoiceWindows(viewer, now, { recent: { window, amount: "billed" } })).recent : summarizeInvoiceRows(viewer, filters, now, null, BILLED),
  );
}

// The Recent Invoices tab: the page the filters ask for, plus count and billed total.
export async function listRecentInvoices(viewer: Viewer, filters: ListFilters, now: Date): Promise<InvoiceList> {
  const [page, summary] = await Promise.all([fetchRecentInvoiceRows(viewer, filters, now, pageRequestOf(filters)), summarizeRecentInvoices(viewer, filters, now)]);
  return { ...page, ...summary };
}
