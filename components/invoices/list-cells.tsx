import { statusBadgeLook } from "@/components/ui/status-badge";
import type { ViewerAccount } from "@/lib/access/load-viewer";
import { formatDay, formatDayRange } from "@/lib/dates";
import type { InvoiceListRow } from "@/lib/invoices/invoice-list-query";
import { daysPastDue, invoiceDisplayStatus } from "@/lib/invoices/invoice-status";
import type { InvoiceColumnId, PaymentColumnId } from "@/lib/invoices/list-columns";
import { formatMoney } from "@/lib/money";
import type { PaymentListRow } from "@/lib/payments/list-recent-payments";
import { paymentMethodLabel } from "@/lib/payments/method-label";
import { AppliedToCell } from "./applied-to-cell";
import type { CellData, CellKind } from "./list-rows";

// How each column of lib/invoices/list-columns.ts renders, by column id: the cell, and its
// classes. A cell is rendered once; the lv-* classes (list-view.css) say how it reads on a
// phone's card ("Due Dec 1", "of $956.80", "2 days past due", hidden). Keyed by the id types, so
// a column added to the spec without a renderer does not compile.

export type CellContext = { account: ViewerAccount; today: string };

// `className`: the classes every row's cell has (sent once per list); `rowClassName`: those that
// depend on the row (sent with it, so keep them for the rows that differ).
// `kind`: the cell is a status badge or an invoice link, and `cell` returns its data (list-rows.tsx).
export type CellView<Row> = {
  cell: (row: Row, ctx: CellContext) => CellData;
  kind?: CellKind;
  className?: string;
  rowClassName?: (row: Row, ctx: CellContext) => string | undefined;
};

const money = (minor: number, currency: string, { account }: CellContext) => formatMoney(minor, currency, account.locale);
const day = (isoDay: string, { account }: CellContext) => formatDay(isoDay, account.locale);
// A status badge's data: ListRows renders what StatusBadge does.
const badge = ({ tone, label }: ReturnType<typeof statusBadgeLook>): CellData => [tone, label];

export const INVOICE_CELLS: Record<InvoiceColumnId, CellView<InvoiceListRow>> = {
  // After an upgrade, Generation 3 invoices carry a "Gen 3" tag, since they will leave the lists.
  number: {
    kind: "invoice",
    cell: (r, { account }) => (account.invoiceGeneration === 4 && r.generation === 3 ? [r.id, r.number, 1] : [r.id, r.number]),
  },
  issue_date: { cell: (r, ctx) => day(r.issueDate, ctx) },
  due_date: { cell: (r, ctx) => day(r.dueDate, ctx), className: "lv-due" },
  // On the card only when late: "2 days past due".
  days_past_due: {
    cell: (r, { today }) => daysPastDue(r, today) || "—",
    rowClassName: (r, { today }) => (daysPastDue(r, today) > 0 ? "lv-dpd" : "lv-none"),
  },
  service_period: { cell: (r, { account }) => formatDayRange(r.periodStart, r.periodEnd, account.locale), className: "lv-svc" },
  status: { kind: "badge", cell: (r, { today }) => badge(statusBadgeLook("invoice", invoiceDisplayStatus(r, today))) },
  total: {
    cell: (r, ctx) => money(r.totalMinor, r.currency, ctx),
    className: "lv-of",
    // A void invoice's total was never owed.
    rowClassName: (r) => (r.status === "void" ? "lv-void" : undefined),
  },
  paid: { cell: (r, ctx) => money(r.paidMinor, r.currency, ctx) },
  balance: { cell: (r, ctx) => money(r.balanceMinor, r.currency, ctx), className: "font-medium" },
};

export const PAYMENT_CELLS: Record<PaymentColumnId, CellView<PaymentListRow>> = {
  received_on: { cell: (r, ctx) => day(r.receivedOn, ctx), className: "lv-small" },
  reference: { cell: (r) => r.reference },
  method: { cell: (r) => paymentMethodLabel(r) },
  amount: { cell: (r, ctx) => money(r.amountMinor, r.currency, ctx), className: "font-medium" },
  status: { kind: "badge", cell: (r) => badge(statusBadgeLook("payment", r.status)) },
  // The card lists the invoices without their amounts, and nothing when the payment is not applied.
  applied_to: {
    cell: (r, ctx) => (
      <AppliedToCell
        invoices={r.appliedTo.map((invoice): [string, string, string] => [invoice.invoiceId, invoice.number, money(invoice.amountMinor, r.currency, ctx)])}
        {...(r.hiddenAppliedMinor > 0 && { hidden: money(r.hiddenAppliedMinor, r.currency, ctx) })}
      />
    ),
    className: "lv-applied",
    rowClassName: (r) => (r.appliedTo.length === 0 && r.hiddenAppliedMinor === 0 ? "lv-none" : undefined),
  },
};
