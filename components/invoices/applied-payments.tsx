import { DataTable, Td, Th } from "@/components/ui/table";
import { formatDay } from "@/lib/dates";
import type { InvoiceDetails } from "@/lib/invoices/get-invoice";
import { formatMoney } from "@/lib/money";
import { paymentMethodLabel } from "@/lib/payments/method-label";
import { StatusBadge } from "@/components/ui/status-badge";

// The payments settling this invoice; rendered only for viewers with payments.read (R-I5).
export function AppliedPayments({ payments, currency, locale }: { payments: NonNullable<InvoiceDetails["payments"]>; currency: string; locale: string }) {
  if (payments.length === 0) return <p className="px-4 py-4 text-sm text-slate-600">No payments have been applied to this invoice yet.</p>;
  return (
    <DataTable caption="Payments applied to this invoice">
      <thead>
        <tr>
          <Th>Date</Th>
          <Th>Reference</Th>
          <Th>Method</Th>
          <Th>Status</Th>
          <Th numeric>Amount applied</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {payments.map((payment) => (
          <tr key={payment.paymentId}>
            <Td className="whitespace-nowrap">{formatDay(payment.receivedOn, locale)}</Td>
            <Td>{payment.reference}</Td>
            <Td className="whitespace-nowrap">{paymentMethodLabel(payment)}</Td>
            <Td>
              <StatusBadge kind="payment" status={payment.status} />
            </Td>
            <Td numeric>{formatMoney(payment.appliedMinor, currency, locale)}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
