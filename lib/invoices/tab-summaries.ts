import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { isoDateInZone } from "@/lib/dates";
import { summarizeRecentPayments } from "@/lib/payments/list-recent-payments";
import { BALANCE_DUE } from "./balance-due";
import { parseInvoiceFilters, type Tab } from "./filters";
import { invoiceListWhere, type ListSummary } from "./invoice-list-query";
import { scopeFilters } from "./list-export-request";
import { IS_OPEN } from "./list-open-invoices";
import { BILLED } from "./list-recent-invoices";
import { rememberSummary, summaryKey } from "./summary-memo";
import { visibleInvoicesWhere } from "./visibility";
import { sumMinor, sumMinorWhere } from "@/lib/money-sql";

export type TabSummaries = { summaries: Partial<Record<Tab, ListSummary>>; hasInvoices: boolean };

type InvoiceTabSums = { open: ListSummary; recent: ListSummary; visible: ListSummary };

// The count and total each tab label shows (its default view), and whether the account has any
// visible invoice at all, which tells "no invoices yet" apart from "nothing matched".
// Payments are summarised only for viewers with payments.read. Both invoice tabs and the count
// of every visible invoice come from one statement; the page's list and CSV menu then find
// them in the request's summary memo instead of asking again.
export async function getTabSummaries(viewer: Viewer, now: Date): Promise<TabSummaries> {
  requirePermission(viewer, "invoices.view");
  const today = isoDateInZone(now, viewer.account.timeZone);
  const defaults = (tab: Tab) => parseInvoiceFilters({ tab }, viewer.account, now);
  const [open, recent] = [defaults("open"), defaults("recent")];
  // Registered before the first await, so a list rendering alongside finds them.
  const sums = sumInvoiceTabs(viewer, now, invoiceListWhere(viewer, open, now, IS_OPEN), invoiceListWhere(viewer, recent, now, null));
  rememberSummary(
    summaryKey("open", open, today),
    sums.then((s) => s.open),
  );
  rememberSummary(
    summaryKey("recent", recent, today),
    sums.then((s) => s.recent),
  );
  // Recent Invoices without any filter (its CSV "All") is every visible invoice.
  rememberSummary(
    summaryKey("recent", scopeFilters(recent, "all"), today),
    sums.then((s) => s.visible),
  );
  const [tabs, payments] = await Promise.all([sums, can(viewer, "payments.read") ? summarizeRecentPayments(viewer, defaults("payments")) : undefined]);
  return { summaries: { open: tabs.open, recent: tabs.recent, payments }, hasInvoices: tabs.visible.count > 0 };
}

// One pass over the viewer's visible invoices: each tab's count and total under its condition.
async function sumInvoiceTabs(viewer: Viewer, now: Date, openWhere: SQL, recentWhere: SQL): Promise<InvoiceTabSums> {
  const db = await getDb();
  const count = (where: SQL) => sql<number>`count(*) filter (where ${where})`.mapWith(Number);
  const [row] = await db
    .select({
      openCount: count(openWhere),
      openTotal: sumMinorWhere(BALANCE_DUE, openWhere),
      recentCount: count(recentWhere),
      recentTotal: sumMinorWhere(BILLED, recentWhere),
      visibleCount: sql<number>`count(*)`.mapWith(Number),
      visibleTotal: sumMinor(BILLED),
    })
    .from(invoices)
    .where(visibleInvoicesWhere(viewer, now));
  return {
    open: { count: row.openCount, totalMinor: row.openTotal },
    recent: { count: row.recentCount, totalMinor: row.recentTotal },
    visible: { count: row.visibleCount, totalMinor: row.visibleTotal },
  };
}
