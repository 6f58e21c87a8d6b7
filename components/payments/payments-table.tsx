import { InvoiceNumberLink } from "@/components/invoices/invoice-number-link";
import { MobileSortLinks, PaymentCards } from "@/components/invoices/mobile-rows";
import { SortHeader } from "@/components/invoices/sort-header";
import { PaymentStatusBadge } from "@/components/invoices/status-badge";
import { HiddenGeneration3 } from "@/components/payments/hidden-generation3";
import { DataTable, Td, Th } from "@/components/ui/table";
import type { ViewerAccount } from "@/lib/access/load-viewer";
import { formatDay } from "@/lib/dates";
import type { ListFilters } from "@/lib/invoices/filters";
import { formatMoney } from "@/lib/money";
import type { PaymentListRow } from "@/lib/payments/list-recent-payments";
import { paymentMethodLabel } from "@/lib/payments/method-label";

const SORT_LABELS: [string, string][] = [
  ["received_on", "Date"],
  ["reference", "Reference"],
  ["amount", "Amount"],
];

// Recent Payments: date, reference, method, amount, status, invoices it was applied to.
export function PaymentsTable({ rows, filters, account }: { rows: PaymentListRow[]; filters: ListFilters; account: ViewerAccount }) {
  const sort = { filters, currency: account.currency };
  return (
    <>
      <MobileSortLinks filters={filters} currency={account.currency} columns={SORT_LABELS} />
      <PaymentCards rows={rows} account={account} />
      <DataTable caption="Recent payments" className="hidden md:block">
        <thead>
          <tr>
            <SortHeader label="Date" column="received_on" {...sort} />
            <SortHeader label="Reference" column="reference" {...sort} />
            <Th>Method</Th>
            <SortHeader label="Amount" column="amount" numeric {...sort} />
            <Th>Status</Th>
            <Th>Applied to</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50/70">
              <Td className="whitespace-nowrap">{formatDay(row.receivedOn, account.locale)}</Td>
              <Td className="whitespace-nowrap">{row.reference}</Td>
              <Td className="whitespace-nowrap">{paymentMethodLabel(row)}</Td>
              <Td numeric className="font-medium">
                {formatMoney(row.amountMinor, row.currency, account.locale)}
              </Td>
              <Td>
                <PaymentStatusBadge status={row.status} />
              </Td>
              <Td>
                {row.appliedTo.length === 0 && row.hiddenAppliedMinor === 0 ? (
                  <span className="text-slate-500">Not applied</span>
                ) : (
                  <ul className="space-y-0.5">
                    {row.appliedTo.map((invoice) => (
                      <li key={invoice.invoiceId} className="whitespace-nowrap">
                        <InvoiceNumberLink id={invoice.invoiceId} number={invoice.number} />
                        <span className="ml-1.5 text-xs text-slate-500">{formatMoney(invoice.amountMinor, row.currency, account.locale)}</span>
                      </li>
                    ))}
                    {row.hiddenAppliedMinor > 0 ? (
                      <li className="text-slate-600">
                        <HiddenGeneration3 />
                        <span className="ml-1.5 text-xs whitespace-nowrap text-slate-500">{formatMoney(row.hiddenAppliedMinor, row.currency, account.locale)}</span>
                      </li>
                    ) : null}
                  </ul>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
