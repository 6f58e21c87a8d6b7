import "server-only";
import { and, eq, gte, inArray, lt, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { invoiceDaySummaries, invoiceMonthSummaries, invoices } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { addMonths } from "@/lib/dates";
import { balanceDueSql, billedSql } from "./balance-due";
import type { ListFilters } from "./filters";
import { generationsVisibleInFull, partlyVisibleInvoicesSql } from "./generation-rule";
import type { ListSummary } from "./invoice-list-query";
import type { InvoiceStatus } from "./invoice-status";

// Counts and totals of the invoice tabs read from the per-month and per-day summaries (kept by
// triggers, see db/schema/summaries.ts) instead of every invoice: a default view sums one row per
// month, stored status and generation (by day only in the month its window starts in), however
// many invoices the account has: a few hundred rows for ten years. Exact, not an estimate: the
// summaries are maintained in the same statement as every invoice write, and
// tests/integration/tab-summaries-exact.test.ts recomputes them from the invoices after a random mix of writes.
// Views the summaries cannot answer (text or amount filters, "open" without "past due") return
// null, and the caller scans the invoices as before.

// The part of a tab the summaries can sum: an issue-date range and a set of stored statuses.
export type SummaryWindow = { from: string | null; to: string | null; statuses: readonly InvoiceStatus[] | null };

// What a tab totals: the balance due (Open) or what was billed (Recent).
export type SummaryAmount = "balance" | "billed";

// The window of a list's filters within its tab's base statuses (Open: ["open"]; Recent: null, all),
// or null when the filters need a look at each invoice.
export function summaryWindowOf(filters: ListFilters, base: readonly InvoiceStatus[] | null): SummaryWindow | null {
  if (filters.q !== "" || filters.minMinor !== null || filters.maxMinor !== null) return null;
  const chosen = new Set<string>(filters.statuses);
  // "Open" and "Past due" are both stored as open, told apart by today against the due date.
  if (chosen.has("open") !== chosen.has("past_due")) return null;
  let statuses: InvoiceStatus[] | null = chosen.size === 0 ? null : (["open", "paid", "void"] as const).filter((s) => chosen.has(s));
  if (base) statuses = statuses ? statuses.filter((s) => base.includes(s)) : [...base];
  return { from: filters.from, to: filters.to, statuses };
}

// The first day of the month of an ISO day.
const monthOf = (day: string) => `${day.slice(0, 8)}01`;

// The viewer's visible invoices as summed rows (issue_date, status, n, total_minor, paid_minor), such
// that each window's issue-date condition is exact on them: whole months as one row each (dated
// the 1st), except the months a window starts or ends in, which come by day; then each granted
// Generation 3 invoice as a row of its own (the generations seen in full come from the summaries).
function visibleSummedRows(viewer: Viewer, now: Date, windows: readonly SummaryWindow[]): SQL {
  const inFull = [...generationsVisibleInFull(viewer.account, now)];
  const edges = [...new Set(windows.flatMap((w) => [w.from, w.to]).filter((d): d is string => d !== null))].map(monthOf);
  const m = invoiceMonthSummaries;
  const byMonth = sql`select ${m.month} as issue_date, ${m.status} as status, ${m.invoiceCount} as n, ${m.totalMinor} as total_minor, ${m.paidMinor} as paid_minor
    from ${m} where ${and(eq(m.accountId, viewer.accountId), inArray(m.generation, inFull), edges.length ? notInArray(m.month, edges) : undefined)}`;
  const parts = [byMonth];
  if (edges.length) {
    const d = invoiceDaySummaries;
    const inEdgeMonths = or(...edges.map((start) => and(gte(d.issueDate, start), lt(d.issueDate, addMonths(start, 1)))));
    parts.push(sql`select ${d.issueDate}, ${d.status}, ${d.invoiceCount}, ${d.totalMinor}, ${d.paidMinor}
      from ${d} where ${and(eq(d.accountId, viewer.accountId), inArray(d.generation, inFull), inEdgeMonths)}`);
  }
  const partly = partlyVisibleInvoicesSql(viewer.accountId, viewer.account, now);
  if (partly) parts.push(sql`select ${invoices.issueDate}, ${invoices.status}, 1, ${invoices.totalMinor}, ${invoices.paidMinor} from ${invoices} where ${partly}`);
  return sql.join(parts, sql` union all `);
}

const column = (name: string) => sql.identifier(name);

function windowWhere(window: SummaryWindow): SQL {
  const conditions: SQL[] = [sql`true`];
  if (window.from) conditions.push(gte(column("issue_date"), window.from));
  if (window.to) conditions.push(lte(column("issue_date"), window.to));
  if (window.statuses) conditions.push(window.statuses.length > 0 ? inArray(column("status"), [...window.statuses]) : sql`false`);
  return and(...conditions)!;
}

const AMOUNTS: Record<SummaryAmount, SQL> = {
  balance: balanceDueSql(column("status"), column("total_minor"), column("paid_minor")),
  billed: billedSql(column("status"), column("total_minor")),
};

// Several windows' counts and totals over the viewer's visible invoices in one statement.
export async function sumInvoiceWindows<K extends string>(
  viewer: Viewer,
  now: Date,
  windows: Record<K, { window: SummaryWindow; amount: SummaryAmount }>,
): Promise<Record<K, ListSummary>> {
  requirePermission(viewer, "invoices.view");
  const names = Object.keys(windows) as K[];
  const columns = names.map((name, i) => {
    const { window, amount } = windows[name];
    const where = windowWhere(window);
    return sql`coalesce(sum(n) filter (where ${where}), 0)::text as ${column(`c${i}`)}, coalesce(sum(${AMOUNTS[amount]}) filter (where ${where}), 0)::text as ${column(`t${i}`)}`;
  });
  const db = await getDb();
  const [row] = await rawRows<Record<string, string>>(
    db,
    sql`select ${sql.join(columns, sql`, `)} from (${visibleSummedRows(
      viewer,
      now,
      names.map((name) => windows[name].window),
    )}) visible`,
  );
  return Object.fromEntries(names.map((name, i) => [name, { count: Number(row[`c${i}`]), totalMinor: BigInt(row[`t${i}`]) }])) as Record<K, ListSummary>;
}
