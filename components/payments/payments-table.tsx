import { PAYMENT_CELLS } from "@/components/invoices/list-cells";
import { ListView } from "@/components/invoices/list-view";
import type { ViewerAccount } from "@/lib/access/load-viewer";
import type { ListFilters } from "@/lib/invoices/filters";
import { paymentListColumns } from "@/lib/invoices/list-columns";
import type { PaymentListRow } from "@/lib/payments/list-recent-payments";

// Recent Payments: the columns of paymentListColumns, as a table or, on a phone, as cards.
// Payment rows need no "today"; the context carries the account's.
export function PaymentsTable({ rows, filters, account, today }: { rows: PaymentListRow[]; filters: ListFilters; account: ViewerAccount; today: string }) {
  return <ListView caption="Recent payments" filters={filters} columns={paymentListColumns()} cells={PAYMENT_CELLS} rows={rows} ctx={{ account, today }} />;
}
