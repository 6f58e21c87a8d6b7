import type { CsvColumn } from "@/lib/exports/csv-download";
import { minorToDecimalString } from "@/lib/money";
import type { PaymentListRow } from "@/lib/payments/list-recent-payments";
import { paymentMethodLabel } from "@/lib/payments/method-label";
import { TAB_OPTIONS, type Tab } from "./filters";
import type { InvoiceListRow } from "./invoice-list-query";
import { daysPastDue, INVOICE_STATUS_LABELS, invoiceDisplayStatus, PAYMENT_STATUS_LABELS } from "./invoice-status";

// The columns of each tab of the Invoices + Payments screen, once (R-E2): the desktop table's
// headers and sort links, the phone's cards and sort links (components/invoices/list-view.tsx,
// which renders each column id with components/invoices/list-cells.tsx) and the CSV export all
// read these lists, so the CSV has the screen's columns by construction.

// Where a column sits on a phone's card: first line left (lead) and right (trail), second line
// left (meta, joined by " · ") and right (aside), third line (foot). No slot: not on the card.
export type CardSlot = "lead" | "trail" | "meta" | "aside" | "foot";

export type ListColumn<Row, Id extends string = string> = {
  id: Id;
  header: string;
  // The sort key (a key of TAB_OPTIONS[tab].sorts) when the column sorts, and its shorter name
  // in the phone's sort links if the header is long.
  sort?: string;
  sortLabel?: string;
  numeric?: boolean;
  // The column's CSV value; `csv` replaces the one default cell when the CSV splits the column.
  value: (row: Row) => string | number;
  csv?: CsvColumn<Row>[];
  card?: CardSlot;
  // false: a detail for the phone's card only, neither a table column nor a CSV column.
  table?: false;
};

export type InvoiceColumnId = "number" | "issue_date" | "due_date" | "days_past_due" | "service_period" | "status" | "total" | "paid" | "balance";
export type PaymentColumnId = "received_on" | "reference" | "method" | "amount" | "status" | "applied_to";
export type InvoiceListColumn = ListColumn<InvoiceListRow, InvoiceColumnId>;
export type PaymentListColumn = ListColumn<PaymentListRow, PaymentColumnId>;

// CSV amounts are plain decimals from minor units in the row's currency; dates stay ISO days.
const decimal = (minor: number, currency: string) => minorToDecimalString(minor, currency);

function invoiceColumns(today: string) {
  const column = (c: InvoiceListColumn) => c;
  return {
    number: column({ id: "number", header: "Number", sort: "number", value: (r) => r.number, card: "lead" }),
    issueDate: column({ id: "issue_date", header: "Invoice date", sort: "issue_date", value: (r) => r.issueDate }),
    dueDate: column({ id: "due_date", header: "Due date", sort: "due_date", value: (r) => r.dueDate, card: "meta" }),
    daysPastDue: column({ id: "days_past_due", header: "Days past due", numeric: true, value: (r) => daysPastDue(r, today), card: "meta" }),
    // The screen shows the service period as one range; the CSV splits it so both ends stay ISO days.
    servicePeriod: column({
      id: "service_period",
      header: "Service period",
      value: (r) => `${r.periodStart}/${r.periodEnd}`,
      csv: [
        { header: "Service period start", value: (r) => r.periodStart },
        { header: "Service period end", value: (r) => r.periodEnd },
      ],
    }),
    status: column({ id: "status", header: "Status", value: (r) => INVOICE_STATUS_LABELS[invoiceDisplayStatus(r, today)], card: "lead" }),
    total: column({ id: "total", header: "Total", sort: "total", numeric: true, value: (r) => decimal(r.totalMinor, r.currency), card: "aside" }),
    paid: column({ id: "paid", header: "Paid", sort: "paid", numeric: true, value: (r) => decimal(r.paidMinor, r.currency) }),
    balance: column({ id: "balance", header: "Balance", sort: "balance", numeric: true, value: (r) => decimal(r.balanceMinor, r.currency), card: "trail" }),
  };
}

// Open Invoices: number, invoice date, due date, days past due, status, total, balance due.
export function openInvoiceListColumns(today: string): InvoiceListColumn[] {
  const c = invoiceColumns(today);
  return [c.number, c.issueDate, c.dueDate, c.daysPastDue, c.status, c.total, { ...c.balance, header: "Balance due", sortLabel: "Balance" }];
}

// Recent Invoices: number, invoice date, due date, service period, status, total, paid, balance.
// The phone's card also says how late an open invoice is.
export function recentInvoiceListColumns(today: string): InvoiceListColumn[] {
  const c = invoiceColumns(today);
  return [c.number, { ...c.issueDate, card: "meta" }, c.dueDate, { ...c.daysPastDue, table: false }, { ...c.servicePeriod, card: "foot" }, c.status, c.total, c.paid, c.balance];
}

// The "Applied to" cell: each visible invoice as "number amount", then the sum applied to hidden
// Generation 3 invoices after this label, separated by APPLIED_SEPARATOR (SQL twin in ./list-export-sql).
export const HIDDEN_APPLIED_LABEL = "hidden Generation 3 invoices";
export const APPLIED_SEPARATOR = "; ";

// Recent Payments: date, reference, method, amount, status, and the visible invoices it settled
// ("number amount", separated by "; " in the CSV).
export function paymentListColumns(): PaymentListColumn[] {
  return [
    { id: "received_on", header: "Date", sort: "received_on", value: (r) => r.receivedOn, card: "trail" },
    { id: "reference", header: "Reference", sort: "reference", value: (r) => r.reference, card: "meta" },
    { id: "method", header: "Method", value: (r) => paymentMethodLabel(r), card: "meta" },
    { id: "amount", header: "Amount", sort: "amount", numeric: true, value: (r) => decimal(r.amountMinor, r.currency), card: "lead" },
    { id: "status", header: "Status", value: (r) => PAYMENT_STATUS_LABELS[r.status], card: "lead" },
    {
      id: "applied_to",
      header: "Applied to",
      value: (r) =>
        [
          ...r.appliedTo.map((a) => `${a.number} ${decimal(a.amountMinor, r.currency)}`),
          ...(r.hiddenAppliedMinor > 0 ? [`${HIDDEN_APPLIED_LABEL} ${decimal(r.hiddenAppliedMinor, r.currency)}`] : []),
        ].join(APPLIED_SEPARATOR),
      card: "foot",
    },
  ];
}

// The columns a table shows (and a CSV holds), in order.
export function tableColumns<Row, Id extends string>(columns: ListColumn<Row, Id>[]): ListColumn<Row, Id>[] {
  return columns.filter((c) => c.table !== false);
}

// The CSV columns of a tab: the table's columns, then Currency.
export function csvColumnsOf<Row extends { currency: string }>(columns: ListColumn<Row>[]): CsvColumn<Row>[] {
  return [
    ...tableColumns(columns).flatMap((c) => c.csv ?? [{ header: c.header, kind: c.numeric ? ("number" as const) : undefined, value: c.value }]),
    { header: "Currency", value: (r) => r.currency },
  ];
}

// The phone's sort links: the tab's default order first, then the other sortable columns in order.
export function sortLinksOf<Row>(tab: Tab, columns: ListColumn<Row>[]): [sort: string, label: string][] {
  const sortable = columns.filter((c): c is ListColumn<Row> & { sort: string } => c.sort !== undefined);
  const first = TAB_OPTIONS[tab].defaultSort;
  return [...sortable.filter((c) => c.sort === first), ...sortable.filter((c) => c.sort !== first)].map((c) => [c.sort, c.sortLabel ?? c.header]);
}
