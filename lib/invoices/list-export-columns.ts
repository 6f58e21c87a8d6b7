import type { CsvColumn } from "@/lib/exports/csv-download";
import { minorToDecimalString } from "@/lib/money";
import type { PaymentListRow } from "@/lib/payments/list-recent-payments";
import { paymentMethodLabel } from "@/lib/payments/method-label";
import type { InvoiceListRow } from "./invoice-list-query";
import { daysPastDue, INVOICE_STATUS_LABELS, invoiceDisplayStatus, PAYMENT_STATUS_LABELS } from "./invoice-status";

// The CSV columns of each tab (R-E2): the screen's column names, then Currency. Dates stay ISO
// (the row values already are), amounts are plain decimals from minor units in the row's currency.

const money = (minor: number, currency: string) => minorToDecimalString(minor, currency);

function status(today: string): CsvColumn<InvoiceListRow> {
  return { header: "Status", value: (r) => INVOICE_STATUS_LABELS[invoiceDisplayStatus(r, today)] };
}

const currency: CsvColumn<{ currency: string }> = { header: "Currency", value: (r) => r.currency };

export function openInvoiceColumns(today: string): CsvColumn<InvoiceListRow>[] {
  return [
    { header: "Number", value: (r) => r.number },
    { header: "Invoice date", value: (r) => r.issueDate },
    { header: "Due date", value: (r) => r.dueDate },
    { header: "Days past due", kind: "number", value: (r) => daysPastDue(r, today) },
    status(today),
    { header: "Total", kind: "number", value: (r) => money(r.totalMinor, r.currency) },
    { header: "Balance due", kind: "number", value: (r) => money(r.balanceMinor, r.currency) },
    currency,
  ];
}

// The screen shows the service period as one range; the CSV splits it so both ends stay ISO days.
export function recentInvoiceColumns(today: string): CsvColumn<InvoiceListRow>[] {
  return [
    { header: "Number", value: (r) => r.number },
    { header: "Invoice date", value: (r) => r.issueDate },
    { header: "Due date", value: (r) => r.dueDate },
    { header: "Service period start", value: (r) => r.periodStart },
    { header: "Service period end", value: (r) => r.periodEnd },
    status(today),
    { header: "Total", kind: "number", value: (r) => money(r.totalMinor, r.currency) },
    { header: "Paid", kind: "number", value: (r) => money(r.paidMinor, r.currency) },
    { header: "Balance", kind: "number", value: (r) => money(r.balanceMinor, r.currency) },
    currency,
  ];
}

// "Applied to" lists the visible invoices a payment settled as "number amount", separated by "; ".
export function paymentColumns(): CsvColumn<PaymentListRow>[] {
  return [
    { header: "Date", value: (r) => r.receivedOn },
    { header: "Reference", value: (r) => r.reference },
    { header: "Method", value: (r) => paymentMethodLabel(r) },
    { header: "Amount", kind: "number", value: (r) => money(r.amountMinor, r.currency) },
    { header: "Status", value: (r) => PAYMENT_STATUS_LABELS[r.status] },
    { header: "Applied to", value: (r) => r.appliedTo.map((a) => `${a.number} ${money(a.amountMinor, r.currency)}`).join("; ") },
    currency,
  ];
}
