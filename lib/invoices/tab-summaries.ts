import "server-only";
import { can, requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { isoDateInZone } from "@/lib/dates";
import { summarizeRecentPayments } from "@/lib/payments/list-recent-payments";
import { parseInvoiceFilters, type Tab } from "./filters";
import type { ListSummary } from "./invoice-list-query";
import { scopeFilters } from "./list-export-request";
import { OPEN_STATUSES } from "./list-open-invoices";
import { rememberSummary, summaryKey } from "./summary-memo";
import { summaryWindowOf, sumInvoiceWindows } from "./tab-summary-sums";

export type TabSummaries = { summaries: Partial<Record<Tab, ListSummary>>; hasInvoices: boolean };

// The count and total each tab label shows (its default view), and whether the account has any
// visible invoice at all, which tells "no invoices yet" apart from "nothing matched".
// Payments are summarised only for viewers with payments.read. Both invoice tabs and the count
// of every visible invoice come from one statement over the per-day summaries (tab-summary-sums.ts); the page's list and CSV menu then find
// them in the request's summary memo instead of asking again.
export async function getTabSummaries(viewer: Viewer, now: Date): Promise<TabSummaries> {
  requirePermission(viewer, "invoices.view");
  const today = isoDateInZone(now, viewer.account.timeZone);
  const defaults = (tab: Tab) => parseInvoiceFilters({ tab }, viewer.account, now);
  const [open, recent] = [defaults("open"), defaults("recent")];
  // Registered before the first await, so a list rendering alongside finds them. Default views
  // have no text or amount filter, so the summaries always answer them (sums of summary rows).
  const sums = sumInvoiceWindows(viewer, now, {
    open: { window: summaryWindowOf(open, OPEN_STATUSES)!, amount: "balance" },
    recent: { window: summaryWindowOf(recent, null)!, amount: "billed" },
    visible: { window: summaryWindowOf(scopeFilters(recent, "all"), null)!, amount: "billed" },
  });
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
