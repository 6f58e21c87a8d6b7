import Link from "next/link";
import { cn } from "@/lib/cn";
import type { ViewerAccount } from "@/lib/access/load-viewer";
import { formatDay, formatDayRange } from "@/lib/dates";
import { sortHref } from "@/lib/invoices/filter-url";
import type { ListFilters } from "@/lib/invoices/filters";
import type { InvoiceListRow } from "@/lib/invoices/invoice-list-query";
import { daysPastDue, invoiceDisplayStatus } from "@/lib/invoices/invoice-status";
import { formatMoney } from "@/lib/money";
import type { PaymentListRow } from "@/lib/payments/list-recent-payments";
import { paymentMethodLabel } from "@/lib/payments/method-label";
import { HiddenGeneration3 } from "@/components/payments/hidden-generation3";
import { InvoiceNumberLink } from "./invoice-number-link";
import { InvoiceStatusBadge, PaymentStatusBadge } from "./status-badge";

// On a phone the tables become stacked rows with the amount that matters on the right,
// and the sort headers become a row of links. Same data, same URLs.

export function MobileSortLinks({ filters, currency, columns }: { filters: ListFilters; currency: string; columns: [string, string][] }) {
  return (
    <nav aria-label="Sort" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-3 pb-2 text-xs md:hidden">
      <span className="text-slate-600">Sort by</span>
      {columns.map(([column, label]) => {
        const active = filters.sort === column;
        return (
          <Link
            key={column}
            href={sortHref(filters, currency, column)}
            aria-current={active ? "true" : undefined}
            className={cn("rounded px-1 py-0.5", active ? "bg-slate-100 font-medium text-slate-900" : "text-brand-700")}
          >
            {label}
            {active ? <span aria-label={filters.dir === "asc" ? ", ascending" : ", descending"}>{filters.dir === "asc" ? " ▲" : " ▼"}</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}

export function InvoiceCards({ rows, account, today, tab }: { rows: InvoiceListRow[]; account: ViewerAccount; today: string; tab: "open" | "recent" }) {
  const money = (minor: number, currency: string) => formatMoney(minor, currency, account.locale);
  return (
    <ul className="divide-y divide-slate-100 md:hidden">
      {rows.map((row) => {
        const late = daysPastDue(row, today);
        return (
          <li key={row.id} className="px-3 py-2.5 text-sm">
            <div className="flex items-center justify-between gap-3">
              <span className="flex items-center gap-2">
                <InvoiceNumberLink id={row.id} number={row.number} generation3={account.invoiceGeneration === 4 && row.generation === 3} />
                <InvoiceStatusBadge status={invoiceDisplayStatus(row, today)} />
              </span>
              <span className="font-medium tabular-nums">{money(row.balanceMinor, row.currency)}</span>
            </div>
            <div className="mt-1 flex justify-between gap-3 text-xs text-slate-600">
              <span>
                {tab === "recent" ? `${formatDay(row.issueDate, account.locale)} · ` : ""}Due {formatDay(row.dueDate, account.locale)}
                {late > 0 ? <span className="text-red-800"> · {late} days past due</span> : null}
              </span>
              <span className="whitespace-nowrap tabular-nums">of {money(row.totalMinor, row.currency)}</span>
            </div>
            {tab === "recent" ? (
              <div className="mt-0.5 text-xs text-slate-500">Service {formatDayRange(row.periodStart, row.periodEnd, account.locale)}</div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function PaymentCards({ rows, account }: { rows: PaymentListRow[]; account: ViewerAccount }) {
  return (
    <ul className="divide-y divide-slate-100 md:hidden">
      {rows.map((row) => (
        <li key={row.id} className="px-3 py-2.5 text-sm">
          <div className="flex items-center justify-between gap-3">
            <span className="flex items-center gap-2">
              <span className="font-medium tabular-nums">{formatMoney(row.amountMinor, row.currency, account.locale)}</span>
              <PaymentStatusBadge status={row.status} />
            </span>
            <span className="text-xs text-slate-600">{formatDay(row.receivedOn, account.locale)}</span>
          </div>
          <div className="mt-1 text-xs text-slate-600">
            {row.reference} · {paymentMethodLabel(row)}
          </div>
          {row.appliedTo.length > 0 || row.hiddenAppliedMinor > 0 ? (
            <div className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-600">
              Applied to
              {row.appliedTo.map((invoice) => (
                <InvoiceNumberLink key={invoice.invoiceId} id={invoice.invoiceId} number={invoice.number} />
              ))}
              {row.hiddenAppliedMinor > 0 ? <HiddenGeneration3 /> : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
