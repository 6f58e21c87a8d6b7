import "server-only";
import { errorFields, logger } from "@/lib/log";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import type { Permission } from "@/lib/access/permissions";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { isoDateInZone } from "@/lib/dates";
import { csvDownload, keysetBatches, type CsvColumn } from "@/lib/exports/csv-download";
import { decodeCursor, type PageCursor } from "@/lib/pagination/cursor";
import type { KeysetPage, PageRequest } from "@/lib/pagination/keyset";
import { fetchRecentPaymentRows, summarizeRecentPayments, type PaymentListRow } from "@/lib/payments/list-recent-payments";
import { parseInput } from "@/lib/validation";
import { pageRequestOf, parseInvoiceFilters, type ListFilters, type Tab } from "./filters";
import type { InvoiceListRow } from "./invoice-list-query";
import { fetchOpenInvoiceRows, summarizeOpenInvoices } from "./list-open-invoices";
import { fetchRecentInvoiceRows, summarizeRecentInvoices } from "./list-recent-invoices";
import { openInvoiceColumns, paymentColumns, recentInvoiceColumns } from "./list-export-columns";
import { EXPORT_DELIMITERS, listExportFilename, listExportSchema, rawFiltersOf, scopeFilters, type ExportScope } from "./list-export-request";

// Streams a tab of the Invoices + Payments screen as CSV (R-E1..R-E3) through the very query
// functions the page uses, so an export can never show a row the screen would not (account,
// permission, Generation 3 rule all live in them).

export const EXPORT_BATCH_SIZE = 2000;

type TabSource<Row> = {
  permission: Permission;
  columns: CsvColumn<Row>[];
  fetch: (filters: ListFilters, request: PageRequest) => Promise<KeysetPage<Row>>;
  count: (filters: ListFilters) => Promise<number>;
};

// Hands the tab's source to `run`, typed by its own row type (invoices or payments).
function withSource<T>(viewer: Viewer, tab: Tab, now: Date, run: <Row>(source: TabSource<Row>) => Promise<T>): Promise<T> {
  const today = isoDateInZone(now, viewer.account.timeZone);
  if (tab === "payments") {
    return run<PaymentListRow>({
      permission: "payments.read",
      columns: paymentColumns(),
      fetch: (f, r) => fetchRecentPaymentRows(viewer, f, now, r),
      count: async (f) => (await summarizeRecentPayments(viewer, f)).count,
    });
  }
  const open = tab === "open";
  return run<InvoiceListRow>({
    permission: "invoices.view",
    columns: open ? openInvoiceColumns(today) : recentInvoiceColumns(today),
    fetch: (f, r) => (open ? fetchOpenInvoiceRows : fetchRecentInvoiceRows)(viewer, f, now, r),
    count: async (f) => (await (open ? summarizeOpenInvoices : summarizeRecentInvoices)(viewer, f, now)).count,
  });
}

// Every row `filters` matches, from the first, in keyset batches: at most two in memory at a time.
// Each batch is its own short query, so a client that goes away stops the export at the next batch
// and no connection or cursor is held in between.
function allPages<Row>(source: TabSource<Row>, filters: ListFilters, batchSize: number): AsyncGenerator<Row[]> {
  let next: PageCursor | null = null;
  return keysetBatches<Row>(async (after, limit) => {
    if (after && !next) return [];
    const page = await source.fetch(filters, { cursor: after ? next : null, direction: "after", limit });
    next = decodeCursor(page.nextCursor);
    return page.rows;
  }, batchSize);
}

// The row count of each scope, for the menu next to the CSV button. The page already knows the
// rows on screen and how many match its filters (its own count query); only "all" is counted here.
export async function exportScopeCounts(viewer: Viewer, filters: ListFilters, onScreen: { rows: number; matching: number }, now: Date): Promise<Record<ExportScope, number>> {
  return withSource(viewer, filters.tab, now, async (source) => {
    requirePermission(viewer, source.permission);
    return { all: await source.count(scopeFilters(filters, "all")), current: onScreen.rows, filtered: onScreen.matching };
  });
}

export type ExportOptions = { batchSize?: number };

// Counts rows as they stream and records the export when the stream ends, complete or cut short
// by the client, so the first byte never waits for a count over every row.
async function* auditedBatches<Row>(batches: AsyncIterable<Row[]> | Iterable<Row[]>, record: (rowCount: number, completed: boolean) => Promise<void>): AsyncGenerator<Row[]> {
  let rowCount = 0;
  let completed = false;
  try {
    for await (const batch of batches) {
      rowCount += batch.length;
      yield batch;
    }
    completed = true;
  } finally {
    await record(rowCount, completed).catch((error) => logger().error({ err: errorFields(error) }, "export audit event not recorded"));
  }
}

// The export route's work: validate, check, then stream; the audit event is written as it ends.
export async function exportInvoiceListCsv(viewer: Viewer, params: URLSearchParams, origin: RequestOrigin, now: Date, options: ExportOptions = {}): Promise<Response> {
  const { tab, scope, delimiter } = parseInput(listExportSchema, rawFiltersOf(params), "Choose a tab (open, recent, payments) and a scope (all, current, filtered).");
  return withSource(viewer, tab, now, async (source) => {
    requirePermission(viewer, source.permission);

    const filters = scopeFilters(parseInvoiceFilters(rawFiltersOf(params), viewer.account, now), scope);
    // Current Set is one page, read up front; the other scopes stream in keyset batches.
    const page = scope === "current" ? await source.fetch(filters, pageRequestOf(filters)) : null;
    const batches = page ? [page.rows] : allPages(source, filters, options.batchSize ?? EXPORT_BATCH_SIZE);
    const db = await getDb();
    const audited = auditedBatches(batches, (rowCount, completed) =>
      recordAuditEvent(db, {
        accountId: viewer.accountId,
        actor: { kind: "user", userId: viewer.userId, label: viewer.email },
        action: "invoices.exported",
        details: { tab, scope, delimiter, rowCount, completed },
        origin,
      }),
    );

    return csvDownload({
      filename: listExportFilename(viewer.account.slug, tab, now, viewer.account.timeZone),
      columns: source.columns,
      batches: audited,
      delimiter: EXPORT_DELIMITERS[delimiter],
    });
  });
}
