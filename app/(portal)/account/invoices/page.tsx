import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmptyList, EmptyState } from "@/components/invoices/empty-state";
import { ExportMenu } from "@/components/invoices/export-menu";
import { FilterForm } from "@/components/invoices/filter-form";
import { GenerationBanner } from "@/components/invoices/generation-banner";
import { InvoiceTabs } from "@/components/invoices/invoice-tabs";
import { OpenInvoicesTable } from "@/components/invoices/open-invoices-table";
import { Pager } from "@/components/invoices/pager";
import { RecentInvoicesTable } from "@/components/invoices/recent-invoices-table";
import { PaymentsTable } from "@/components/payments/payments-table";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { can } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { PERMISSION_INFO } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/access/page-guards";
import { isoDateInZone } from "@/lib/dates";
import { providerName } from "@/lib/env";
import { exportScopeCounts } from "@/lib/invoices/export-lists";
import { canonicalListHref } from "@/lib/invoices/filter-url";
import { hasActiveFilters, parseInvoiceFilters, type ListFilters, type RawFilters } from "@/lib/invoices/filters";
import { listOpenInvoices } from "@/lib/invoices/list-open-invoices";
import { listRecentInvoices } from "@/lib/invoices/list-recent-invoices";
import { getTabSummaries } from "@/lib/invoices/tab-summaries";
import { windowNote } from "@/lib/invoices/window-note";
import { formatMoney } from "@/lib/money";
import { listRecentPayments } from "@/lib/payments/list-recent-payments";

export const metadata: Metadata = { title: "Invoices + Payments" };

const TOTAL_WORD = { open: "due", recent: "billed", payments: "received" } as const;

// GET /account/invoices?tab=open|recent|payments&… — the Invoices + Payments screen (R-I1, R-I2).
export default async function InvoicesPage({ searchParams }: { searchParams: Promise<RawFilters> }) {
  const viewer = await requirePagePermission("invoices.view");
  const now = new Date();
  const { account } = viewer;
  const raw = await searchParams;
  let filters = parseInvoiceFilters(raw, account, now);
  // Empty and default parameters (what the filter form's GET submits) stay out of the URL.
  const canonical = canonicalListHref(raw, filters, account.currency);
  if (canonical) redirect(canonical);
  // Without payments.read the Payments tab does not exist (R-I5): show the default tab instead, and say why.
  const paymentsRefused = filters.tab === "payments" && !can(viewer, "payments.read");
  if (paymentsRefused) filters = parseInvoiceFilters({}, account, now);

  const [tabs, view] = await Promise.all([getTabSummaries(viewer, now), loadTab(viewer, filters, now)]);
  const { list } = view;
  const exportCounts = await exportScopeCounts(viewer, filters, { rows: list.rows.length, matching: list.count }, now);
  const today = isoDateInZone(now, account.timeZone);
  // One empty state for an account with nothing billed yet, on every tab (a payment tab with
  // payments but no visible invoice still lists them).
  const noInvoicesYet = !tabs.hasInvoices && (filters.tab !== "payments" || tabs.summaries.payments?.count === 0);
  const note = windowNote(filters);
  const noun = filters.tab === "payments" ? (list.count === 1 ? "payment" : "payments") : list.count === 1 ? "invoice" : "invoices";

  return (
    <>
      <PageHeader title="Invoices + Payments" description={`What your account owes and has paid, in ${account.currency}.`} />
      <GenerationBanner account={account} now={now} />
      {paymentsRefused ? (
        <Notice className="mb-4">
          Recent Payments needs the {PERMISSION_INFO["payments.read"].label} permission, which your role does not include, so Open Invoices is shown instead. An account
          administrator can change your role.
        </Notice>
      ) : null}
      <InvoiceTabs active={filters.tab} summaries={tabs.summaries} currency={account.currency} locale={account.locale} />
      <Card>
        {noInvoicesYet ? (
          <EmptyState title={`No invoices yet: invoices appear here once ${providerName()} posts your first bill.`} />
        ) : (
          <>
            <FilterForm filters={filters} currency={account.currency} />
            <div className="flex items-center justify-between gap-3 px-3 pt-3 pb-2">
              <p className="text-sm text-slate-600" aria-live="polite">
                <span className="font-medium text-slate-900">{list.count.toLocaleString(account.locale)}</span> {noun}
                {hasActiveFilters(filters) ? " match" : ""}
                {note ? ` · ${note}` : ""} · {formatMoney(list.totalMinor, account.currency, account.locale)} {TOTAL_WORD[filters.tab]}
              </p>
              <ExportMenu filters={filters} currency={account.currency} locale={account.locale} counts={exportCounts} />
            </div>
            {list.rows.length === 0 ? (
              <EmptyList filters={filters} currency={account.currency} />
            ) : view.tab === "payments" ? (
              <PaymentsTable rows={view.list.rows} filters={filters} account={account} today={today} />
            ) : view.tab === "open" ? (
              <OpenInvoicesTable rows={view.list.rows} filters={filters} account={account} today={today} />
            ) : (
              <RecentInvoicesTable rows={view.list.rows} filters={filters} account={account} today={today} />
            )}
            <Pager
              filters={filters}
              currency={account.currency}
              prevCursor={list.prevCursor}
              nextCursor={list.nextCursor}
              shown={list.rows.length}
              count={list.count}
              locale={account.locale}
            />
          </>
        )}
      </Card>
    </>
  );
}

// The active tab's rows, tagged so the page renders the matching table.
async function loadTab(viewer: Viewer, filters: ListFilters, now: Date) {
  if (filters.tab === "payments") return { tab: "payments" as const, list: await listRecentPayments(viewer, filters, now) };
  if (filters.tab === "open") return { tab: "open" as const, list: await listOpenInvoices(viewer, filters, now) };
  return { tab: "recent" as const, list: await listRecentInvoices(viewer, filters, now) };
}
