import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { formatDay, formatDayRange } from "@/lib/dates";
import type { InvoiceDetails } from "@/lib/invoices/get-invoice";
import { formatMoney } from "@/lib/money";

// The head of an invoice: its dates, how late it is, what is owed, and whom it is billed to.
export function InvoiceFacts({ invoice, locale }: { invoice: InvoiceDetails; locale: string }) {
  const facts: [string, React.ReactNode][] = [
    ["Invoice date", formatDay(invoice.issueDate, locale)],
    ["Due date", formatDay(invoice.dueDate, locale)],
    ["Service period", formatDayRange(invoice.periodStart, invoice.periodEnd, locale)],
    ["Days past due", invoice.daysPastDue > 0 ? <span className="font-medium text-red-800">{invoice.daysPastDue === 1 ? "1 day" : `${invoice.daysPastDue} days`}</span> : "—"],
  ];
  return (
    <div className="grid gap-4 md:grid-cols-3 print:grid-cols-3">
      <Card className="p-4 md:col-span-2 print:border-slate-300 print:shadow-none">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt className="text-xs font-medium text-slate-600">{term}</dt>
              <dd className="mt-0.5 text-sm text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 border-t border-slate-100 pt-3">
          <h2 className="text-xs font-medium text-slate-600">Bill to</h2>
          <address className="mt-0.5 text-sm whitespace-pre-line text-slate-900 not-italic">{invoice.billTo}</address>
        </div>
      </Card>
      <Card className="flex flex-col justify-center p-4 print:border-slate-300 print:shadow-none">
        <p className="text-xs font-medium text-slate-600">Balance due</p>
        <p className={cn("mt-1 text-3xl font-semibold tracking-tight tabular-nums", invoice.balanceMinor > 0 ? "text-slate-900" : "text-slate-500")}>
          {formatMoney(invoice.balanceMinor, invoice.currency, locale)}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          of {formatMoney(invoice.totalMinor, invoice.currency, locale)} total · {formatMoney(invoice.paidMinor, invoice.currency, locale)} paid
        </p>
      </Card>
    </div>
  );
}
