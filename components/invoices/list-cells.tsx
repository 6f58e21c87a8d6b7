import type { ReactNode } from "react";
import { HiddenGeneration3 } from "@/components/payments/hidden-generation3";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ViewerAccount } from "@/lib/access/load-viewer";
import { formatDay, formatDayRange } from "@/lib/dates";
import type { InvoiceListRow } from "@/lib/invoices/invoice-list-query";
import { daysPastDue, invoiceDisplayStatus } from "@/lib/invoices/invoice-status";
import type { InvoiceColumnId, PaymentColumnId } from "@/lib/invoices/list-columns";
import { formatMoney } from "@/lib/money";
import type { PaymentListRow } from "@/lib/payments/list-recent-payments";
import { paymentMethodLabel } from "@/lib/payments/method-label";
import { InvoiceNumberLink } from "./invoice-number-link";

// How each column of lib/invoices/list-columns.ts renders on screen, by column id: the table
// cell, and on a phone's card when it reads differently there ("Due Dec 1", "of $956.80").
// Keyed by the id types, so a column added to the spec without a renderer does not compile.

export type CellContext = { account: ViewerAccount; today: string };

export type CellView<Row> = {
  cell: (row: Row, ctx: CellContext) => ReactNode;
  className?: (row: Row, ctx: CellContext) => string | undefined;
  card?: (row: Row, ctx: CellContext) => ReactNode;
};

const money = (minor: number, currency: string, { account }: CellContext) => formatMoney(minor, currency, account.locale);
const day = (isoDay: string, { account }: CellContext) => formatDay(isoDay, account.locale);
const noWrap = () => "whitespace-nowrap";

export const INVOICE_CELLS: Record<InvoiceColumnId, CellView<InvoiceListRow>> = {
  // After an upgrade, Generation 3 invoices carry a "Gen 3" tag, since they will leave the lists.
  number: { cell: (r, { account }) => <InvoiceNumberLink id={r.id} number={r.number} generation3={account.invoiceGeneration === 4 && r.generation === 3} /> },
  issue_date: { cell: (r, ctx) => day(r.issueDate, ctx), className: noWrap },
  due_date: { cell: (r, ctx) => day(r.dueDate, ctx), className: noWrap, card: (r, ctx) => `Due ${day(r.dueDate, ctx)}` },
  days_past_due: {
    cell: (r, { today }) => daysPastDue(r, today) || "—",
    className: (r, { today }) => (daysPastDue(r, today) > 0 ? "font-medium text-red-800" : "text-slate-500"),
    card: (r, { today }) => (daysPastDue(r, today) > 0 ? <span className="text-red-800">{daysPastDue(r, today)} days past due</span> : null),
  },
  service_period: {
    cell: (r, { account }) => formatDayRange(r.periodStart, r.periodEnd, account.locale),
    className: () => "whitespace-nowrap text-slate-600",
    card: (r, { account }) => <div className="mt-0.5 text-xs text-slate-500">Service {formatDayRange(r.periodStart, r.periodEnd, account.locale)}</div>,
  },
  status: { cell: (r, { today }) => <StatusBadge kind="invoice" status={invoiceDisplayStatus(r, today)} /> },
  total: {
    cell: (r, ctx) => money(r.totalMinor, r.currency, ctx),
    // A void invoice's total was never owed.
    className: (r) => (r.status === "void" ? "text-slate-500 line-through" : undefined),
    card: (r, ctx) => <span className="whitespace-nowrap tabular-nums">of {money(r.totalMinor, r.currency, ctx)}</span>,
  },
  paid: { cell: (r, ctx) => money(r.paidMinor, r.currency, ctx) },
  balance: {
    cell: (r, ctx) => money(r.balanceMinor, r.currency, ctx),
    className: () => "font-medium",
    card: (r, ctx) => <span className="font-medium tabular-nums">{money(r.balanceMinor, r.currency, ctx)}</span>,
  },
};

export const PAYMENT_CELLS: Record<PaymentColumnId, CellView<PaymentListRow>> = {
  received_on: { cell: (r, ctx) => day(r.receivedOn, ctx), className: noWrap, card: (r, ctx) => <span className="text-xs text-slate-600">{day(r.receivedOn, ctx)}</span> },
  reference: { cell: (r) => r.reference, className: noWrap },
  method: { cell: (r) => paymentMethodLabel(r), className: noWrap },
  amount: {
    cell: (r, ctx) => money(r.amountMinor, r.currency, ctx),
    className: () => "font-medium",
    card: (r, ctx) => <span className="font-medium tabular-nums">{money(r.amountMinor, r.currency, ctx)}</span>,
  },
  status: { cell: (r) => <StatusBadge kind="payment" status={r.status} /> },
  applied_to: {
    cell: (r, ctx) =>
      r.appliedTo.length === 0 && r.hiddenAppliedMinor === 0 ? (
        <span className="text-slate-500">Not applied</span>
      ) : (
        <ul className="space-y-0.5">
          {r.appliedTo.map((invoice) => (
            <li key={invoice.invoiceId} className="whitespace-nowrap">
              <InvoiceNumberLink id={invoice.invoiceId} number={invoice.number} />
              <span className="ml-1.5 text-xs text-slate-500">{money(invoice.amountMinor, r.currency, ctx)}</span>
            </li>
          ))}
          {r.hiddenAppliedMinor > 0 ? (
            <li className="text-slate-600">
              <HiddenGeneration3 />
              <span className="ml-1.5 text-xs whitespace-nowrap text-slate-500">{money(r.hiddenAppliedMinor, r.currency, ctx)}</span>
            </li>
          ) : null}
        </ul>
      ),
    card: (r) =>
      r.appliedTo.length > 0 || r.hiddenAppliedMinor > 0 ? (
        <div className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-600">
          Applied to
          {r.appliedTo.map((invoice) => (
            <InvoiceNumberLink key={invoice.invoiceId} id={invoice.invoiceId} number={invoice.number} />
          ))}
          {r.hiddenAppliedMinor > 0 ? <HiddenGeneration3 /> : null}
        </div>
      ) : null,
  },
};
