import Link from "next/link";
import { DataTable, Td, Th } from "@/components/ui/table";
import { formatDay } from "@/lib/dates";
import { invoiceLedgerStatus } from "@/lib/invoices/invoice-status";
import { formatMoney } from "@/lib/money";
import { OPERATOR_LOCALE } from "./operator-format";
import type { AccountOverview } from "@/lib/operator/get-account-overview";
import { StatusBadge } from "@/components/ui/status-badge";

// The account's invoices on the operator's account page, with a way to void open ones.
export function AccountInvoicesTable({ accountId, invoices }: { accountId: string; invoices: AccountOverview["invoices"] }) {
  if (invoices.length === 0) return <p className="px-4 py-6 text-sm text-slate-600">No invoices posted yet.</p>;
  return (
    <DataTable caption="Invoices">
      <thead>
        <tr>
          <Th>Number</Th>
          <Th>Gen.</Th>
          <Th>Issued</Th>
          <Th>Due</Th>
          <Th numeric>Total</Th>
          <Th numeric>Balance</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {invoices.map((invoice) => (
          <tr key={invoice.id}>
            <Td className="font-medium whitespace-nowrap">{invoice.number}</Td>
            <Td>{invoice.generation}</Td>
            <Td className="whitespace-nowrap">{formatDay(invoice.issueDate, OPERATOR_LOCALE)}</Td>
            <Td className="whitespace-nowrap">{formatDay(invoice.dueDate, OPERATOR_LOCALE)}</Td>
            <Td numeric>{formatMoney(invoice.totalMinor, invoice.currency, OPERATOR_LOCALE)}</Td>
            <Td numeric>{invoice.status === "void" ? "—" : formatMoney(invoice.balanceMinor, invoice.currency, OPERATOR_LOCALE)}</Td>
            <Td>
              <StatusBadge kind="ledger" status={invoiceLedgerStatus(invoice)} />
            </Td>
            <Td>
              {invoiceLedgerStatus(invoice) === "open" ? (
                <Link href={`/operator/accounts/${accountId}/invoices/${invoice.id}/void`} className="text-brand-700 underline">
                  Void<span className="sr-only"> invoice {invoice.number}</span>
                </Link>
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
