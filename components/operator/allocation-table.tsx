"use client";

import { DataTable, Td, Th } from "@/components/ui/table";
import { inputClasses } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { formatDay } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import type { FieldMessages } from "@/lib/forms/form-state";

export type OpenInvoice = { invoiceId: string; number: string; issueDate: string; dueDate: string; totalMinor: number; balanceMinor: number };

// One row per open invoice with the amount of the payment it receives.
export function AllocationTable({
  invoices,
  currency,
  editable,
  value,
  errors,
  onChange,
}: {
  invoices: OpenInvoice[];
  currency: string;
  editable: boolean;
  value: (invoiceId: string) => string;
  errors: FieldMessages;
  onChange: (invoiceId: string, value: string) => void;
}) {
  if (invoices.length === 0) return <p className="text-sm text-slate-600">This account has no open invoices; the payment will be recorded unallocated.</p>;
  return (
    <DataTable caption="Open invoices" className="rounded-md border border-slate-200">
      <thead>
        <tr>
          <Th>Invoice</Th>
          <Th>Due</Th>
          <Th numeric>Balance</Th>
          <Th numeric>Apply ({currency})</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {invoices.map((invoice, i) => {
          const id = `allocation-${invoice.invoiceId}`;
          const error = errors[`allocations.${i}.amount`];
          return (
            <tr key={invoice.invoiceId}>
              <Td className="font-medium">{invoice.number}</Td>
              <Td className="whitespace-nowrap">{formatDay(invoice.dueDate, "en-US")}</Td>
              <Td numeric>{formatMoney(invoice.balanceMinor, currency, "en-US")}</Td>
              <Td numeric>
                <input type="hidden" name="allocationInvoiceId" value={invoice.invoiceId} />
                <label htmlFor={id} className="sr-only">
                  Amount applied to {invoice.number}
                </label>
                <input
                  id={id}
                  name="allocationAmount"
                  inputMode="decimal"
                  readOnly={!editable}
                  value={value(invoice.invoiceId)}
                  onChange={(e) => onChange(invoice.invoiceId, e.target.value)}
                  aria-invalid={error ? true : undefined}
                  className={cn(inputClasses, "ml-auto w-32 text-right read-only:border-slate-200 read-only:bg-slate-100 read-only:text-slate-700 read-only:shadow-none")}
                />
                {error ? <p className="mt-1 text-xs font-medium text-red-700">{error}</p> : null}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
