import { DataTable, Td, Th } from "@/components/ui/table";
import type { InvoiceDetails } from "@/lib/invoices/get-invoice";
import { formatMoney } from "@/lib/money";

// Line items with the invoice's totals underneath: subtotal, tax, total, paid, balance due.
export function InvoiceLinesTable({ invoice, locale }: { invoice: InvoiceDetails; locale: string }) {
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const hasTax = invoice.lines.some((l) => l.taxRateBp > 0);
  const totals: [string, number, string?][] = [
    ["Subtotal", invoice.subtotalMinor],
    ["Tax", invoice.taxMinor],
    ["Total", invoice.totalMinor, "font-semibold text-slate-900"],
    ["Paid", invoice.paidMinor],
    ["Balance due", invoice.balanceMinor, "text-base font-semibold text-slate-900"],
  ];
  const span = hasTax ? 4 : 3;
  return (
    <DataTable caption={`Line items of invoice ${invoice.number}`}>
      <thead>
        <tr>
          <Th className="w-full">Description</Th>
          <Th numeric>Quantity</Th>
          <Th numeric>Unit price</Th>
          {hasTax ? <Th numeric>Tax rate</Th> : null}
          <Th numeric>Amount</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {invoice.lines.map((line) => (
          <tr key={line.position}>
            <Td>{line.description}</Td>
            <Td numeric>{Number(line.quantity).toLocaleString(locale, { maximumFractionDigits: 4 })}</Td>
            <Td numeric>{money(line.unitPriceMinor)}</Td>
            {hasTax ? <Td numeric>{percent.format(line.taxRateBp / 10_000)}</Td> : null}
            <Td numeric>{money(line.amountMinor)}</Td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t border-slate-200">
        {totals.map(([label, minor, emphasis]) => (
          <tr key={label}>
            <th scope="row" colSpan={span} className={`px-3 py-1 text-right text-sm font-normal text-slate-600 ${emphasis ?? ""}`}>
              {label}
            </th>
            <Td numeric className={`py-1 ${emphasis ?? ""}`}>
              {money(minor)}
            </Td>
          </tr>
        ))}
      </tfoot>
    </DataTable>
  );
}
