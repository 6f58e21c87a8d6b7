import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { getDb } from "@/db/client";
import { EXPORT_BATCH_SIZE, exportInvoiceListCsv } from "@/lib/invoices/export-lists";
import { parseInvoiceFilters } from "@/lib/invoices/filters";
import { scopeFilters } from "@/lib/invoices/list-export-request";
import { fetchRecentInvoiceRows } from "@/lib/invoices/list-recent-invoices";
import { decodeCursor, type PageCursor } from "@/lib/pagination/cursor";
import type { Viewer } from "@/lib/access/load-viewer";
import { createBenchViewer } from "./invoice-list";
import { seedBenchInvoices } from "./seed-invoices";

// The Recent Invoices "All" export of one account with 1 000 000 invoices (BENCH_EXPORT_ROWS to
// change it) through the app's own code path — route function, COPY (or keyset batches and
// csv-stringify, the JavaScript writer), the web stream — against psql's \copy of the same rows
// and columns, the floor for any CSV.
// Targets (issue 4): rows/s ratio ≥ 0.5, first byte < 300 ms, RSS growth < 150 MB.

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);

// The export's rows and columns in SQL: visible invoices (Generation 3 hidden, no grants in the
// seed), newest first, amounts as decimals, status in words.
function copyQuery(accountId: string, today: string): string {
  const money = (minor: string) => `to_char(${minor} / 100.0, 'FM999999999990.00')`;
  return `select number, issue_date, due_date, period_start, period_end,
      case when status = 'open' and due_date < '${today}' then 'Past due' when status = 'open' then 'Open' when status = 'paid' then 'Paid' else 'Void' end,
      ${money("total_minor")}, ${money("paid_minor")}, ${money("case when status = 'void' then 0 else total_minor - paid_minor end")}, currency
    from invoices where account_id = '${accountId}' and generation = 4 order by issue_date desc, id desc`;
}

// The reader's own work is kept small (Buffer.indexOf, not a loop over every byte), so that the
// figure is the export's time, as with COPY writing to /dev/null.
function countLineFeeds(chunk: Uint8Array): number {
  const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  let count = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) count++;
  return count;
}

// Samples RSS every 20 ms; returns the peak growth over the starting value.
function rssSampler() {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss) - start;
  };
}

export async function benchCsvExport(driver: "pg" | "pglite"): Promise<void> {
  if (driver !== "pg") {
    console.log("\nCSV export bench: needs PostgreSQL (set DATABASE_URL); skipped.");
    return;
  }
  const db = await getDb();
  const now = new Date();
  const { viewer, today, upgradeDay } = await createBenchViewer(db, now);
  const seedStart = performance.now();
  await seedBenchInvoices(db, viewer.accountId, today, upgradeDay, ROWS);
  console.log(`\nCSV export — PostgreSQL, ${ROWS.toLocaleString("en-US")} invoices in one account (seed ${((performance.now() - seedStart) / 1000).toFixed(1)} s)`);

  // The export as the route runs it: COPY on PostgreSQL (the default writer), then the JavaScript
  // writer it replaced (keyset batches → csv-stringify, still used on PGlite), side by side.
  const copied = await timeExport(viewer, now, "copy");
  const written = await timeExport(viewer, now, "rows");
  if (copied.rows !== written.rows || copied.bytes !== written.bytes)
    throw new Error(`COPY wrote ${copied.rows} rows (${copied.bytes} B), JavaScript ${written.rows} (${written.bytes} B)`);
  const appRows = copied.rows;

  // psql reports "COPY <rows>" when it is done: the row count to check against, with no second query.
  const copyStart = performance.now();
  const { stdout } = await promisify(execFile)(
    "psql",
    [process.env.DATABASE_URL!, "-At", "-c", `\\copy (${copyQuery(viewer.accountId, today).replace(/\s+/g, " ")}) to '/dev/null' with csv`],
    { maxBuffer: 1 << 20 },
  );
  const copySeconds = (performance.now() - copyStart) / 1000;
  const copyRows = Number(/COPY (\d+)/.exec(stdout)?.[1]);
  if (copyRows !== appRows) throw new Error(`the export wrote ${appRows} rows, COPY ${copyRows}`);

  // The export's reading side alone: the same keyset batches through the pg driver, no CSV. No
  // JavaScript export can be faster than this, which is why it is printed next to COPY.
  const filters = scopeFilters(parseInvoiceFilters({ tab: "recent" }, viewer.account, now), "all");
  const readStart = performance.now();
  let readRows = 0;
  for (let cursor: PageCursor | null = null, more = true; more;) {
    const page = await fetchRecentInvoiceRows(viewer, filters, now, { cursor, direction: "after", limit: EXPORT_BATCH_SIZE });
    readRows += page.rows.length;
    cursor = decodeCursor(page.nextCursor);
    more = cursor !== null;
  }
  const readSeconds = (performance.now() - readStart) / 1000;

  const perSecond = (rows: number, seconds: number) => `${Math.round(rows / seconds).toLocaleString("en-US")} rows/s`;
  const line = (label: string, seconds: number, rows: number) => console.log(`  ${label.padEnd(50)} ${seconds.toFixed(2).padStart(6)} s   ${perSecond(rows, seconds)}`);
  console.log(`Recent Invoices, scope All: ${appRows.toLocaleString("en-US")} rows (${(copied.bytes / 1e6).toFixed(1)} MB)`);
  line("app export, COPY writer (lib function → body)", copied.seconds, appRows);
  line("app export, JavaScript writer (before)", written.seconds, appRows);
  line("psql \\copy (same rows and columns)", copySeconds, copyRows);
  line("reading the rows alone (no CSV)", readSeconds, readRows);
  console.log(
    `  ratio app / psql \\copy: COPY writer ${(copySeconds / copied.seconds).toFixed(2)}, JavaScript writer ${(copySeconds / written.seconds).toFixed(2)} (target ≥ 0.5); reading alone ${(copySeconds / readSeconds).toFixed(2)}`,
  );
  console.log(
    `  time to first byte / first record: COPY ${copied.firstByteMs.toFixed(0)} / ${copied.firstRecordMs.toFixed(0)} ms, JavaScript ${written.firstByteMs.toFixed(0)} / ${written.firstRecordMs.toFixed(0)} ms (target < 300 ms)`,
  );
  console.log(`  peak RSS growth: COPY ${(copied.rssGrowth / 1e6).toFixed(1)} MB, JavaScript ${(written.rssGrowth / 1e6).toFixed(1)} MB (target < 150 MB)`);
}

// One export, read to the end as a client would: seconds, rows (line feeds minus the header, no
// cell of the seed holds one), bytes, time to the first byte (the header) and to the first chunk
// holding records, and peak RSS growth.
async function timeExport(viewer: Viewer, now: Date, writer: "copy" | "rows") {
  global.gc?.();
  const stopSampling = rssSampler();
  const start = performance.now();
  const response = await exportInvoiceListCsv(viewer, new URLSearchParams({ tab: "recent", scope: "all" }), { ip: null, userAgent: "bench" }, now, { writer });
  const reader = response.body!.getReader();
  let firstByteMs = 0;
  let firstRecordMs = 0;
  let bytes = 0;
  let lines = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (bytes === 0) firstByteMs = performance.now() - start;
    bytes += chunk.value.byteLength;
    lines += countLineFeeds(chunk.value);
    if (!firstRecordMs && lines > 1) firstRecordMs = performance.now() - start;
  }
  const seconds = (performance.now() - start) / 1000;
  return { seconds, rows: lines - 1, bytes, firstByteMs, firstRecordMs, rssGrowth: stopSampling() };
}
