import { DataTable, Td, Th } from "@/components/ui/table";
import { formatDay } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { OPERATOR_LOCALE } from "./operator-format";
import type { AccountOverview } from "@/lib/operator/get-account-overview";
import { PAYMENT_METHOD_LABELS } from "@/lib/operator/payment-form";

export function AccountPaymentsTable({ payments }: { payments: AccountOverview["payments"] }) {
  if (payments.length === 0) return <p className="px-4 py-6 text-sm text-slate-600">No payments recorded yet.</p>;
  return (
    <DataTable caption="Payments">
      <thead>
        <tr>
          <Th>Received</Th>
          <Th>Reference</Th>
          <Th>Method</Th>
          <Th>Status</Th>
          <Th numeric>Amount</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {payments.map((payment) => (
          <tr key={payment.id}>
            <Td className="whitespace-nowrap">{formatDay(payment.receivedOn, OPERATOR_LOCALE)}</Td>
            <Td className="break-all">{payment.reference}</Td>
            <Td>{PAYMENT_METHOD_LABELS[payment.method]}</Td>
            <Td className="capitalize">{payment.status}</Td>
            <Td numeric>{formatMoney(payment.amountMinor, payment.currency, OPERATOR_LOCALE)}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
