import "server-only";
import { errorFields, logger } from "@/lib/log";
import { getConnection, getDb } from "@/db/client";
import type { CopyQuery } from "@/db/copy-csv-out";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import type { Permission } from "@/lib/access/permissions";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { isoDateInZone } from "@/lib/dates";
import { copyCsvBatches } from "@/lib/exports/copy-csv-batches";
import { csvBytesDownload, csvDownload, keysetBatches, type CsvColumn } from "@/lib/exports/csv-download";
import { decodeCursor, type PageCursor } from "@/lib/pagination/cursor";
import type { KeysetPage, PageRequest } from "@/lib/pagination/keyset";
import { fetchRecentPaymentRows, paymentCellsQuery, summarizeRecentPayments, type PaymentListRow } from "@/lib/payments/list-recent-payments";
import { parseInput } from "@/lib/validation";
import { pageRequestOf, parseInvoiceFilters, type ListFilters, type Tab } from "./filters";
import type { InvoiceListRow } from "./invoice-list-query";
import { openInvoiceListColumns, paymentListColumns, recentInvoiceListColumns } from "./list-columns";
import { fetchOpenInvoiceRows, openInvoiceCellsQuery, summarizeOpenInvoices } from "./list-open-invoices";
import { fetchRecentInvoiceRows, recentInvoiceCellsQuery, summarizeRecentInvoices } from "./list-recent-invoices";
import { openInvoiceColumns, paymentColumns, recentInvoiceColumns } from "./list-export-columns";
import { invoiceCsvCellsSql, paymentCsvCellsSql } from "./list-export-sql";
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
  // Every row `filters` matches as the CSV's cells, for PostgreSQL to write (COPY).
  cellsQuery: (filters: ListFilters) => Promise<CopyQuery>;
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
      cellsQuery: async (f) => paymentCellsQuery(await getDb(), viewer, f, paymentCsvCellsSql(paymentListColumns(), viewer, now)).toSQL(),
    });
  }
  const open = tab === "open";
  return run<InvoiceListRow>({
    permission: "invoices.view",
    columns: open ? openInvoiceColumns(today) : recentInvoiceColumns(today),
    fetch: (f, r) => (open ? fetchOpenInvoiceRows : fetchRecentInvoiceRows)(viewer, f, now, r),
    count: async (f) => (await (open ? summarizeOpenInvoices : summarizeRecentInvoices)(viewer, f, now)).count,
    cellsQuery: async (f) => {
      const cells = invoiceCsvCellsSql(open ? openInvoiceListColumns(today) : recentInvoiceListColumns(today), today);
      return (open ? openInvoiceCellsQuery : recentInvoiceCellsQuery)(await getDb(), viewer, f, now, cells).toSQL();
    },
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

// `writer`: who writes the CSV. "copy": PostgreSQL (COPY, the default on PostgreSQL for All and
// Filtered); "rows": JavaScript over keyset batches (PGlite, Current Set; the tests and the bench
// ask for it to compare both).
export type ExportOptions = { batchSize?: number; writer?: "copy" | "rows" };

// Counts rows as they stream and records the export when the stream ends, complete or cut short
// by the client, so the first byte never waits for a count over every row.
async function* auditedBatches<Batch>(
  batches: AsyncIterable<Batch> | Iterable<Batch>,
  rowsOf: (batch: Batch) => number,
  record: (rowCount: number, completed: boolean) => Promise<void>,
): AsyncGenerator<Batch> {
  let rowCount = 0;
  let completed = false;
  try {
    for await (const batch of batches) {
      rowCount += rowsOf(batch);
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
    const db = await getDb();
    const record = (rowCount: number, completed: boolean) =>
      recordAuditEvent(db, {
        accountId: viewer.accountId,
        actor: { kind: "user", userId: viewer.userId, label: viewer.email },
        action: "invoices.exported",
        details: { tab, scope, delimiter, rowCount, completed },
        origin,
      });
    const filename = listExportFilename(viewer.account.slug, tab, now, viewer.account.timeZone);
    const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;

    // All and Filtered on PostgreSQL: PostgreSQL writes the records (COPY), at its own pace.
    const writer = options.writer ?? ((await getConnection()).driver === "pg" ? "copy" : "rows");
    if (scope !== "current" && writer === "copy") {
      const stop = new AbortController();
      const batches = copyCsvBatches(await source.cellsQuery(filters), { delimiter: EXPORT_DELIMITERS[delimiter], batchRows: batchSize, signal: stop.signal });
      return csvBytesDownload({
        filename,
        columns: source.columns,
        batches: auditedBatches(batches, (batch) => batch.rows, record),
        delimiter: EXPORT_DELIMITERS[delimiter],
        onCancel: () => stop.abort(),
      });
    }

    // Current Set is one page, read up front; otherwise rows stream in keyset batches.
    const page = scope === "current" ? await source.fetch(filters, pageRequestOf(filters)) : null;
    const batches = page ? [page.rows] : allPages(source, filters, batchSize);
    return csvDownload({
      filename,
      columns: source.columns,
      batches: auditedBatches(batches, (rows) => rows.length, record),
      delimiter: EXPORT_DELIMITERS[delimiter],
    });
  });
}
