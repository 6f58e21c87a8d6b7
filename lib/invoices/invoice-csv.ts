import "server-only";
import type { CsvColumn } from "@/lib/exports/csv-download";
import { minorToDecimalString } from "@/lib/money";
import type { InvoiceDetails } from "./get-invoice";
import { INVOICE_STATUS_LABELS } from "./invoice-status";

// One invoice as CSV rows: a row per line item, then one row per total. The "Row" column tells
// them apart so a spreadsheet can filter to the lines; the invoice's own fields repeat on each.
type Row = {
  kind: "line" | "subtotal" | "tax" | "total" | "paid" | "balance_due";
  position?: number;
  description: string;
  quantity?: string;
  unitPriceMinor?: number;
  taxRateBp?: number;
  taxMinor?: number;
  amountMinor: number;
};

export function invoiceCsvRows(invoice: InvoiceDetails): Row[] {
  return [
    ...invoice.lines.map((l): Row => ({
      kind: "line",
      position: l.position,
      description: l.description,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      taxRateBp: l.taxRateBp,
      taxMinor: l.taxMinor,
      amountMinor: l.amountMinor,
    })),
    { kind: "subtotal", description: "Subtotal", amountMinor: invoice.subtotalMinor },
    { kind: "tax", description: "Tax", amountMinor: invoice.taxMinor },
    { kind: "total", description: "Total", amountMinor: invoice.totalMinor },
    { kind: "paid", description: "Paid", amountMinor: invoice.paidMinor },
    { kind: "balance_due", description: "Balance due", amountMinor: invoice.balanceMinor },
  ];
}

export function invoiceCsvColumns(invoice: InvoiceDetails): CsvColumn<Row>[] {
  const money = (minor: number | undefined) => (minor === undefined ? null : minorToDecimalString(minor, invoice.currency));
  return [
    { header: "Invoice number", value: () => invoice.number },
    { header: "Invoice date", value: () => invoice.issueDate },
    { header: "Due date", value: () => invoice.dueDate },
    { header: "Service period start", value: () => invoice.periodStart },
    { header: "Service period end", value: () => invoice.periodEnd },
    { header: "Status", value: () => INVOICE_STATUS_LABELS[invoice.displayStatus] },
    { header: "Row", value: (r) => r.kind },
    { header: "Line", kind: "number", value: (r) => r.position },
    { header: "Description", value: (r) => r.description },
    { header: "Quantity", kind: "number", value: (r) => r.quantity },
    { header: "Unit price", kind: "number", value: (r) => money(r.unitPriceMinor) },
    { header: "Tax rate (%)", kind: "number", value: (r) => (r.taxRateBp === undefined ? null : String(r.taxRateBp / 100)) },
    { header: "Tax", kind: "number", value: (r) => money(r.taxMinor) },
    { header: "Amount", kind: "number", value: (r) => money(r.amountMinor) },
    { header: "Currency", value: () => invoice.currency },
  ];
}
