import "server-only";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { summarizeRecentPayments } from "@/lib/payments/list-recent-payments";
import { parseInvoiceFilters, type Tab } from "./filters";
import type { ListSummary } from "./invoice-list-query";
import { summarizeOpenInvoices } from "./list-open-invoices";
import { summarizeRecentInvoices } from "./list-recent-invoices";
import { visibleInvoicesWhere } from "./visibility";

export type TabSummaries = { summaries: Partial<Record<Tab, ListSummary>>; hasInvoices: boolean };

// The count and total each tab label shows (its default view), and whether the account has any
// visible invoice at all, which tells "no invoices yet" apart from "nothing matched".
// Payments are summarised only for viewers with payments.read.
export async function getTabSummaries(viewer: Viewer, now: Date): Promise<TabSummaries> {
  requirePermission(viewer, "invoices.view");
  const defaults = (tab: Tab) => parseInvoiceFilters({ tab }, viewer.account, now);
  const db = await getDb();
  const [open, recent, payments, any] = await Promise.all([
    summarizeOpenInvoices(viewer, defaults("open"), now),
    summarizeRecentInvoices(viewer, defaults("recent"), now),
    can(viewer, "payments.read") ? summarizeRecentPayments(viewer, defaults("payments")) : Promise.resolve(undefined),
    db.select({ id: invoices.id }).from(invoices).where(visibleInvoicesWhere(viewer, now)).limit(1),
  ]);
  return { summaries: { open, recent, payments }, hasInvoices: any.length > 0 };
}
