import { DataTable, Td, Th } from "@/components/ui/table";
import type { ViewerAccount } from "@/lib/access/load-viewer";
import { formatDay } from "@/lib/dates";
import type { ListFilters } from "@/lib/invoices/filters";
import type { InvoiceListRow } from "@/lib/invoices/invoice-list-query";
import { daysPastDue, invoiceDisplayStatus } from "@/lib/invoices/invoice-status";
import { formatMoney } from "@/lib/money";
import { InvoiceNumberLink } from "./invoice-number-link";
import { InvoiceCards, MobileSortLinks } from "./mobile-rows";
import { SortHeader } from "./sort-header";
import { StatusBadge } from "@/components/ui/status-badge";

const SORT_LABELS: [string, string][] = [
  ["due_date", "Due date"],
  ["issue_date", "Invoice date"],
  ["number", "Number"],
  ["total", "Total"],
  ["balance", "Balance"],
];

// Open Invoices: number, invoice date, due date, days past due, status, total, balance due.
export function OpenInvoicesTable({ rows, filters, account, today }: { rows: InvoiceListRow[]; filters: ListFilters; account: ViewerAccount; today: string }) {
  const sort = { filters, currency: account.currency };
  const upgraded = account.invoiceGeneration === 4;
  return (
    <>
      <MobileSortLinks filters={filters} currency={account.currency} columns={SORT_LABELS} />
      <InvoiceCards rows={rows} account={account} today={today} tab="open" />
      <DataTable caption="Open invoices" className="hidden md:block">
        <thead>
          <tr>
            <SortHeader label="Number" column="number" {...sort} />
            <SortHeader label="Invoice date" column="issue_date" {...sort} />
            <SortHeader label="Due date" column="due_date" {...sort} />
            <Th numeric>Days past due</Th>
            <Th>Status</Th>
            <SortHeader label="Total" column="total" numeric {...sort} />
            <SortHeader label="Balance due" column="balance" numeric {...sort} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const late = daysPastDue(row, today);
            return (
              <tr key={row.id} className="hover:bg-slate-50/70">
                <Td>
                  <InvoiceNumberLink id={row.id} number={row.number} generation3={upgraded && row.generation === 3} />
                </Td>
                <Td className="whitespace-nowrap">{formatDay(row.issueDate, account.locale)}</Td>
                <Td className="whitespace-nowrap">{formatDay(row.dueDate, account.locale)}</Td>
                <Td numeric className={late > 0 ? "font-medium text-red-800" : "text-slate-500"}>
                  {late > 0 ? late : "—"}
                </Td>
                <Td>
                  <StatusBadge kind="invoice" status={invoiceDisplayStatus(row, today)} />
                </Td>
                <Td numeric>{formatMoney(row.totalMinor, row.currency, account.locale)}</Td>
                <Td numeric className="font-medium">
                  {formatMoney(row.balanceMinor, row.currency, account.locale)}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </>
  );
}
