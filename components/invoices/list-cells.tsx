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

// How each column of lib/invoices/list-columns.ts renders, by column id: the cell, and its
// classes. A cell is rendered once; the lv-* classes (list-view.css) say how it reads on a
// phone's card ("Due Dec 1", "of $956.80", "2 days past due", hidden). Keyed by the id types, so
// a column added to the spec without a renderer does not compile.

export type CellContext = { account: ViewerAccount; today: string };

export type CellView<Row> = {
  cell: (row: Row, ctx: CellContext) => ReactNode;
  className?: (row: Row, ctx: CellContext) => string | undefined;
};

const money = (minor: number, currency: string, { account }: CellContext) => formatMoney(minor, currency, account.locale);
const day = (isoDay: string, { account }: CellContext) => formatDay(isoDay, account.locale);
const classes = (names: string) => () => names;

export const INVOICE_CELLS: Record<InvoiceColumnId, CellView<InvoiceListRow>> = {
  // After an upgrade, Generation 3 invoices carry a "Gen 3" tag, since they will leave the lists.
  number: { cell: (r, { account }) => <InvoiceNumberLink id={r.id} number={r.number} generation3={account.invoiceGeneration === 4 && r.generation === 3} /> },
  issue_date: { cell: (r, ctx) => day(r.issueDate, ctx) },
  due_date: { cell: (r, ctx) => day(r.dueDate, ctx), className: classes("lv-due") },
  // On the card only when late: "2 days past due".
  days_past_due: {
    cell: (r, { today }) => daysPastDue(r, today) || "—",
    className: (r, { today }) => (daysPastDue(r, today) > 0 ? "font-medium text-red-800 lv-dpd" : "text-slate-500 lv-none"),
  },
  service_period: { cell: (r, { account }) => formatDayRange(r.periodStart, r.periodEnd, account.locale), className: classes("text-slate-600 lv-svc") },
  status: { cell: (r, { today }) => <StatusBadge kind="invoice" status={invoiceDisplayStatus(r, today)} /> },
  total: {
    cell: (r, ctx) => money(r.totalMinor, r.currency, ctx),
    // A void invoice's total was never owed.
    className: (r) => (r.status === "void" ? "text-slate-500 line-through lv-of" : "lv-of"),
  },
  paid: { cell: (r, ctx) => money(r.paidMinor, r.currency, ctx) },
  balance: { cell: (r, ctx) => money(r.balanceMinor, r.currency, ctx), className: classes("font-medium") },
};

export const PAYMENT_CELLS: Record<PaymentColumnId, CellView<PaymentListRow>> = {
  received_on: { cell: (r, ctx) => day(r.receivedOn, ctx), className: classes("lv-small") },
  reference: { cell: (r) => r.reference },
  method: { cell: (r) => paymentMethodLabel(r) },
  amount: { cell: (r, ctx) => money(r.amountMinor, r.currency, ctx), className: classes("font-medium") },
  status: { cell: (r) => <StatusBadge kind="payment" status={r.status} /> },
  // The card lists the invoices without their amounts, and nothing when the payment is not applied.
  applied_to: {
    cell: (r, ctx) =>
      r.appliedTo.length === 0 && r.hiddenAppliedMinor === 0 ? (
        <span className="text-slate-500">Not applied</span>
      ) : (
        <ul className="space-y-0.5">
          {r.appliedTo.map((invoice) => (
            <li key={invoice.invoiceId}>
              <InvoiceNumberLink id={invoice.invoiceId} number={invoice.number} />
              <span className="lv-amt ml-1.5 text-xs text-slate-500">{money(invoice.amountMinor, r.currency, ctx)}</span>
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
    className: (r) => (r.appliedTo.length === 0 && r.hiddenAppliedMinor === 0 ? "lv-none" : "lv-applied"),
  },
};
