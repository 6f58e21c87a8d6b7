import { DataTable, Td, Th } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { InvoiceDetails } from "@/lib/invoices/get-invoice";
import { formatMoney } from "@/lib/money";

// Line items with the invoice's totals underneath: subtotal, tax, total, paid, balance due.
// On a phone, quantity and unit price fold under the description.
export function InvoiceLinesTable({ invoice, locale }: { invoice: InvoiceDetails; locale: string }) {
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const quantity = (value: string) => Number(value).toLocaleString(locale, { maximumFractionDigits: 4 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const hasTax = invoice.lines.some((l) => l.taxRateBp > 0);
  const wide = "hidden sm:table-cell print:table-cell";
  const totals: [string, number, string?][] = [
    ["Subtotal", invoice.subtotalMinor],
    ["Tax", invoice.taxMinor],
    ["Total", invoice.totalMinor, "font-semibold text-slate-900"],
    ["Paid", invoice.paidMinor],
    ["Balance due", invoice.balanceMinor, "text-base font-semibold text-slate-900"],
  ];
  return (
    <>
      <DataTable caption={`Line items of invoice ${invoice.number}`}>
        <thead>
          <tr>
            <Th className="w-full">Description</Th>
            <Th numeric className={wide}>
              Quantity
            </Th>
            <Th numeric className={wide}>
              Unit price
            </Th>
            {hasTax ? (
              <Th numeric className={wide}>
                Tax rate
              </Th>
            ) : null}
            <Th numeric>Amount</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invoice.lines.map((line) => (
            <tr key={line.position}>
              <Td>
                {line.description}
                <span className="block text-xs text-slate-600 sm:hidden print:hidden">
                  {quantity(line.quantity)} × {money(line.unitPriceMinor)}
                  {hasTax ? ` · tax ${percent.format(line.taxRateBp / 10_000)}` : ""}
                </span>
              </Td>
              <Td numeric className={wide}>
                {quantity(line.quantity)}
              </Td>
              <Td numeric className={wide}>
                {money(line.unitPriceMinor)}
              </Td>
              {hasTax ? (
                <Td numeric className={wide}>
                  {percent.format(line.taxRateBp / 10_000)}
                </Td>
              ) : null}
              <Td numeric>{money(line.amountMinor)}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div className="border-t border-slate-200 px-3 py-3">
        <dl className="ml-auto grid w-full grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm sm:w-80">
          {totals.map(([label, minor, emphasis]) => (
            <div key={label} className="contents">
              <dt className={cn("text-right text-slate-600", emphasis)}>{label}</dt>
              <dd className={cn("text-right tabular-nums", emphasis)}>{money(minor)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </>
  );
}
