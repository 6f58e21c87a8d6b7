import type { ViewerAccount } from "@/lib/access/load-viewer";
import type { ListFilters } from "@/lib/invoices/filters";
import type { InvoiceListRow } from "@/lib/invoices/invoice-list-query";
import { openInvoiceListColumns } from "@/lib/invoices/list-columns";
import { INVOICE_CELLS } from "./list-cells";
import { ListView } from "./list-view";

// Open Invoices: the columns of openInvoiceListColumns, as a table or, on a phone, as cards.
export function OpenInvoicesTable({ rows, filters, account, today }: { rows: InvoiceListRow[]; filters: ListFilters; account: ViewerAccount; today: string }) {
  return <ListView caption="Open invoices" filters={filters} columns={openInvoiceListColumns(today)} cells={INVOICE_CELLS} rows={rows} ctx={{ account, today }} />;
}
