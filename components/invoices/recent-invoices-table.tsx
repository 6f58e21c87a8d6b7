import type { ViewerAccount } from "@/lib/access/load-viewer";
import type { ListFilters } from "@/lib/invoices/filters";
import type { InvoiceListRow } from "@/lib/invoices/invoice-list-query";
import { recentInvoiceListColumns } from "@/lib/invoices/list-columns";
import { INVOICE_CELLS } from "./list-cells";
import { ListView } from "./list-view";

// Recent Invoices: the columns of recentInvoiceListColumns, as a table or, on a phone, as cards.
export function RecentInvoicesTable({ rows, filters, account, today }: { rows: InvoiceListRow[]; filters: ListFilters; account: ViewerAccount; today: string }) {
  return <ListView caption="Recent invoices" filters={filters} columns={recentInvoiceListColumns(today)} cells={INVOICE_CELLS} rows={rows} ctx={{ account, today }} />;
}
