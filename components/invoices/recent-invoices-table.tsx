import { DataTable, Td, Th } from "@/components/ui/table";
import type { ViewerAccount } from "@/lib/access/load-viewer";
import { formatDay, formatDayRange } from "@/lib/dates";
import type { ListFilters } from "@/lib/invoices/filters";
import type { InvoiceListRow } from "@/lib/invoices/invoice-list-query";
import { invoiceDisplayStatus } from "@/lib/invoices/invoice-status";
import { formatMoney } from "@/lib/money";
import { InvoiceNumberLink } from "./invoice-number-link";
import { InvoiceCards, MobileSortLinks } from "./mobile-rows";
import { SortHeader } from "./sort-header";
import { StatusBadge } from "@/components/ui/status-badge";

const SORT_LABELS: [string, string][] = [
  ["issue_date", "Invoice date"],
  ["due_date", "Due date"],
  ["number", "Number"],
  ["total", "Total"],
  ["balance", "Balance"],
];

// Recent Invoices: number, invoice date, due date, service period, status, total, paid, balance.
export function RecentInvoicesTable({
  rows,
  filters,
  account,
  today,
}: {
  rows: InvoiceListRow[];
  filters: ListFilters;
  account: ViewerAccount;
  today: string;
}) {
  const sort = { filters, currency: account.currency };
  const upgraded = account.invoiceGeneration === 4;
  const money = (minor: number, currency: string) => formatMoney(minor, currency, account.locale);
  return (
    <>
      <MobileSortLinks filters={filters} currency={account.currency} columns={SORT_LABELS} />
      <InvoiceCards rows={rows} account={account} today={today} tab="recent" />
      <DataTable caption="Recent invoices" className="hidden md:block">
        <thead>
          <tr>
            <SortHeader label="Number" column="number" {...sort} />
            <SortHeader label="Invoice date" column="issue_date" {...sort} />
            <SortHeader label="Due date" column="due_date" {...sort} />
            <Th>Service period</Th>
            <Th>Status</Th>
            <SortHeader label="Total" column="total" numeric {...sort} />
            <SortHeader label="Paid" column="paid" numeric {...sort} />
            <SortHeader label="Balance" column="balance" numeric {...sort} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50/70">
              <Td>
                <InvoiceNumberLink id={row.id} number={row.number} generation3={upgraded && row.generation === 3} />
              </Td>
              <Td className="whitespace-nowrap">{formatDay(row.issueDate, account.locale)}</Td>
              <Td className="whitespace-nowrap">{formatDay(row.dueDate, account.locale)}</Td>
              <Td className="whitespace-nowrap text-slate-600">{formatDayRange(row.periodStart, row.periodEnd, account.locale)}</Td>
              <Td>
                <StatusBadge kind="invoice" status={invoiceDisplayStatus(row, today)} />
              </Td>
              <Td numeric className={row.status === "void" ? "text-slate-500 line-through" : undefined}>
                {money(row.totalMinor, row.currency)}
              </Td>
              <Td numeric>{money(row.paidMinor, row.currency)}</Td>
              <Td numeric className="font-medium">
                {money(row.balanceMinor, row.currency)}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
