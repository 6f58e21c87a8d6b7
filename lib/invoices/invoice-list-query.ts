import "server-only";
import { and, gte, ilike, lte, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { invoices } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { isoDateInZone } from "@/lib/dates";
import { sumMinor } from "@/lib/money-sql";
import { cursorFitsSpec, cursorFor, keysetOrderBy, keysetPage, keysetWhere, type KeysetPage, type PageRequest, type SortSpec } from "@/lib/pagination/keyset";
import type { ListFilters } from "./filters";
import { BALANCE_DUE } from "./balance-due";
import { displayStatusWhere, isInvoiceDisplayStatus } from "./invoice-status";
import { visibleInvoicesWhere } from "./visibility";

// The rule's home is ./balance-due; re-exported for callers that import it from here.
export { BALANCE_DUE };

// The query both invoice tabs share. Callers (list-open-invoices, list-recent-invoices) check
// the permission and pass their tab's base condition; the visibility rule is always applied here.
// getInvoice selects these columns too, so a balance reads the same on the list and the details.

export const invoiceListColumns = {
  id: invoices.id,
  number: invoices.number,
  generation: invoices.generation,
  status: invoices.status,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  periodStart: invoices.periodStart,
  periodEnd: invoices.periodEnd,
  currency: invoices.currency,
  totalMinor: invoices.totalMinor,
  paidMinor: invoices.paidMinor,
  balanceMinor: BALANCE_DUE.as("balance_minor"),
};

// A row of invoiceListColumns as the driver returns it: the table's column names, dates as ISO
// text, bigint amounts as text (pg) or numbers (PGlite).
type InvoiceListDbRow = {
  id: string;
  number: string;
  generation: number;
  status: InvoiceListRow["status"];
  issue_date: string;
  due_date: string;
  period_start: string;
  period_end: string;
  currency: string;
  total_minor: string | number | bigint;
  paid_minor: string | number | bigint;
  balance_minor: string | number | bigint;
};

// Note: list rows are decoded here rather than by drizzle's result mapper, whose generic
// per-field work (entity checks, nested paths) took a third of a million-row CSV export's time
// (bench/csv-export.ts). The integration tests compare these rows with the invoices written.
function invoiceListRowOf(row: InvoiceListDbRow): InvoiceListRow {
  return {
    id: row.id,
    number: row.number,
    generation: row.generation,
    status: row.status,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    currency: row.currency,
    totalMinor: Number(row.total_minor),
    paidMinor: Number(row.paid_minor),
    balanceMinor: Number(row.balance_minor),
  };
}

export type InvoiceListRow = {
  id: string;
  number: string;
  generation: number;
  status: "open" | "paid" | "void";
  issueDate: string;
  dueDate: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  balanceMinor: number;
};

// totalMinor is an exact bigint: a sum over the account can pass 2^53 (lib/money-sql.ts).
export type ListSummary = { count: number; totalMinor: bigint };
export type InvoiceList = KeysetPage<InvoiceListRow> & ListSummary;

// Rows with the same date or amount come in invoice-number order (issue 13 item 11), not at random.
const BY_NUMBER = { expr: invoices.number, value: (r: InvoiceListRow) => r.number };

const INVOICE_SORTS: Record<string, SortSpec<InvoiceListRow>> = {
  issue_date: { expr: invoices.issueDate, value: (r) => r.issueDate, tie: BY_NUMBER },
  due_date: { expr: invoices.dueDate, value: (r) => r.dueDate, tie: BY_NUMBER },
  number: { expr: invoices.number, value: (r) => r.number },
  total: { expr: invoices.totalMinor, value: (r) => r.totalMinor, tie: BY_NUMBER },
  paid: { expr: invoices.paidMinor, value: (r) => r.paidMinor, tie: BY_NUMBER },
  balance: { expr: BALANCE_DUE, value: (r) => r.balanceMinor, tie: BY_NUMBER },
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Every filter of the screen as one condition, always inside the viewer's visible invoices.
export function invoiceListWhere(viewer: Viewer, filters: ListFilters, now: Date, base: SQL | null): SQL {
  const today = isoDateInZone(now, viewer.account.timeZone);
  const conditions: SQL[] = [visibleInvoicesWhere(viewer, now)];
  if (base) conditions.push(base);
  if (filters.from) conditions.push(gte(invoices.issueDate, filters.from));
  if (filters.to) conditions.push(lte(invoices.issueDate, filters.to));
  if (filters.q) conditions.push(ilike(invoices.number, `%${escapeLike(filters.q)}%`));
  if (filters.minMinor !== null) conditions.push(gte(invoices.totalMinor, filters.minMinor));
  if (filters.maxMinor !== null) conditions.push(lte(invoices.totalMinor, filters.maxMinor));
  const byStatus = displayStatusWhere(filters.statuses.filter(isInvoiceDisplayStatus), today);
  if (byStatus) conditions.push(byStatus);
  return and(...conditions)!;
}

function sortOf(filters: ListFilters, fallback: string): { key: string; spec: SortSpec<InvoiceListRow> } {
  const key = Object.hasOwn(INVOICE_SORTS, filters.sort) ? filters.sort : fallback;
  return { key, spec: INVOICE_SORTS[key] };
}

// A cursor that lacks the keys of its sort (a link made before the tie-break) starts at page one.
function placeableRequest(request: PageRequest, spec: SortSpec<InvoiceListRow>): PageRequest {
  return request.cursor && !cursorFitsSpec(request.cursor, spec) ? { ...request, cursor: null, direction: "after" } : request;
}

// Which rows, in which order: the page query and the export's cells query both read these, so
// an export holds the page's rows by construction.
function invoiceListSelection(viewer: Viewer, filters: ListFilters, now: Date, base: SQL | null, pageRequest: PageRequest, fallbackSort: string) {
  const { spec } = sortOf(filters, fallbackSort);
  const request = placeableRequest(pageRequest, spec);
  return {
    where: and(invoiceListWhere(viewer, filters, now, base), keysetWhere(spec, invoices.id, request)),
    orderBy: keysetOrderBy(spec, invoices.id, filters.dir, request.direction),
    limit: request.limit + 1,
  };
}

// The unexecuted page query (the bench prints its plan).
export function invoiceRowsQuery(db: Db, viewer: Viewer, filters: ListFilters, now: Date, base: SQL | null, pageRequest: PageRequest, fallbackSort: string) {
  const { where, orderBy, limit } = invoiceListSelection(viewer, filters, now, base, pageRequest, fallbackSort);
  return db
    .select(invoiceListColumns)
    .from(invoices)
    .where(where)
    .orderBy(...orderBy)
    .limit(limit);
}

// Every row `filters` matches from the first, in the page's order, as `cells` (SQL over invoices'
// columns) instead of the page's columns: what the CSV export hands to PostgreSQL's COPY.
export function invoiceCellsQuery(db: Db, viewer: Viewer, filters: ListFilters, now: Date, base: SQL | null, fallbackSort: string, cells: SQL[]) {
  const { where, orderBy } = invoiceListSelection(viewer, { ...filters, cursor: null }, now, base, { cursor: null, direction: "after", limit: 0 }, fallbackSort);
  return db
    .select(Object.fromEntries(cells.map((cell, i) => [`c${i}`, cell])))
    .from(invoices)
    .where(where)
    .orderBy(...orderBy);
}

export async function fetchInvoiceRows(
  viewer: Viewer,
  filters: ListFilters,
  now: Date,
  base: SQL | null,
  pageRequest: PageRequest,
  fallbackSort: string,
): Promise<KeysetPage<InvoiceListRow>> {
  const { key, spec } = sortOf(filters, fallbackSort);
  const request = placeableRequest(pageRequest, spec);
  const db = await getDb();
  const fetched = (await rawRows<InvoiceListDbRow>(db, invoiceRowsQuery(db, viewer, filters, now, base, request, fallbackSort))).map(invoiceListRowOf);
  return keysetPage(fetched, request, (row) => cursorFor(key, filters.dir, spec, row));
}

// Row count and money total of everything the filters match (all pages).
export async function summarizeInvoiceRows(viewer: Viewer, filters: ListFilters, now: Date, base: SQL | null, amount: SQL): Promise<ListSummary> {
  const db = await getDb();
  const [row] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number), totalMinor: sumMinor(amount) })
    .from(invoices)
    .where(invoiceListWhere(viewer, filters, now, base));
  return row;
}
