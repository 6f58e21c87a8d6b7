import "server-only";
import { and, eq, gte, inArray, lte, notInArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { invoiceDaySummaries, invoices } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { balanceDueSql, billedSql } from "./balance-due";
import type { ListFilters } from "./filters";
import { accountInvoiceVisibleSql, generationsVisibleInFull } from "./generation-rule";
import type { ListSummary } from "./invoice-list-query";
import type { InvoiceStatus } from "./invoice-status";

// Counts and totals of the invoice tabs read from invoice_day_summaries (kept by triggers, see
// db/schema/summaries.ts) instead of every invoice: a default view sums one row per day, stored
// status and generation, however many invoices the account has. Exact, not an estimate: the
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

// The viewer's visible invoices as summed rows (issue_date, status, n, total_minor, paid_minor):
// the summaries of the generations seen in full, plus each granted Generation 3 invoice as a row of its own.
function visibleSummedRows(viewer: Viewer, now: Date): SQL {
  const s = invoiceDaySummaries;
  const inFull = generationsVisibleInFull(viewer.account, now);
  const summed = sql`select ${s.issueDate} as issue_date, ${s.status} as status, ${s.invoiceCount} as n, ${s.totalMinor} as total_minor, ${s.paidMinor} as paid_minor
    from ${s} where ${and(eq(s.accountId, viewer.accountId), inArray(s.generation, [...inFull]))}`;
  const granted = accountInvoiceVisibleSql(viewer.accountId, viewer.account, now);
  if (!granted) return summed;
  const partly = and(eq(invoices.accountId, viewer.accountId), notInArray(invoices.generation, [...inFull]), granted);
  return sql`${summed} union all select ${invoices.issueDate}, ${invoices.status}, 1, ${invoices.totalMinor}, ${invoices.paidMinor} from ${invoices} where ${partly}`;
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
  const [row] = await rawRows<Record<string, string>>(db, sql`select ${sql.join(columns, sql`, `)} from (${visibleSummedRows(viewer, now)}) visible`);
  return Object.fromEntries(names.map((name, i) => [name, { count: Number(row[`c${i}`]), totalMinor: BigInt(row[`t${i}`]) }])) as Record<K, ListSummary>;
}
