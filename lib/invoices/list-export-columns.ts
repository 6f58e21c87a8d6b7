import type { CsvColumn } from "@/lib/exports/csv-download";
import type { PaymentListRow } from "@/lib/payments/list-recent-payments";
import type { InvoiceListRow } from "./invoice-list-query";
import { csvColumnsOf, openInvoiceListColumns, paymentListColumns, recentInvoiceListColumns } from "./list-columns";

// The CSV columns of each tab (R-E2): the screen's columns (./list-columns), then Currency.

export function openInvoiceColumns(today: string): CsvColumn<InvoiceListRow>[] {
  return csvColumnsOf(openInvoiceListColumns(today));
}

export function recentInvoiceColumns(today: string): CsvColumn<InvoiceListRow>[] {
  return csvColumnsOf(recentInvoiceListColumns(today));
}

export function paymentColumns(): CsvColumn<PaymentListRow>[] {
  return csvColumnsOf(paymentListColumns());
}
