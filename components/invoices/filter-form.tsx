import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { clearFiltersHref, filtersToSearchParams, INVOICES_PATH } from "@/lib/invoices/filter-url";
import { hasActiveFilters, PAGE_SIZES, TAB_OPTIONS, type ListFilters } from "@/lib/invoices/filters";
import { INVOICE_STATUS_LABELS, PAYMENT_STATUS_LABELS } from "@/lib/invoices/invoice-status";
import { minorToDecimalString, minorUnitDigits } from "@/lib/money";
import { PageSizeSelect } from "./page-size-select";

const STATUS_LABELS: Record<string, string> = { ...INVOICE_STATUS_LABELS, ...PAYMENT_STATUS_LABELS };
const input = "h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs";
const label = "mb-1 block text-xs font-medium text-slate-600";

// The filter function of a tab (R-I2): a GET form, so it works without JavaScript and every
// filtered view is a URL. The key remounts it when the URL changes (Back, Clear filters).
export function FilterForm({ filters, currency }: { filters: ListFilters; currency: string }) {
  const payments = filters.tab === "payments";
  const words = payments ? { date: "Received", text: "Reference", amount: "Amount" } : { date: "Invoice date", text: "Invoice number", amount: "Total" };
  const step = minorUnitDigits(currency) === 0 ? "1" : `0.${"0".repeat(minorUnitDigits(currency) - 1)}1`;
  const money = (minor: number | null) => (minor === null ? "" : minorToDecimalString(minor, currency));
  const customSort = filtersToSearchParams(filters, currency).has("sort");

  return (
    <Form key={filtersToSearchParams(filters, currency).toString()} action={INVOICES_PATH} role="search" aria-label="Filter" className="no-print border-b border-slate-200 p-3">
      <input type="hidden" name="tab" value={filters.tab} />
      {customSort ? (
        <>
          <input type="hidden" name="sort" value={filters.sort} />
          <input type="hidden" name="dir" value={filters.dir} />
        </>
      ) : null}
      <div className="grid grid-cols-2 gap-x-3 gap-y-2.5 sm:grid-cols-3 lg:grid-cols-6">
        <div>
          <label htmlFor="f-from" className={label}>
            {words.date} from
          </label>
          <input id="f-from" type="date" name="from" defaultValue={filters.from ?? ""} className={input} />
        </div>
        <div>
          <label htmlFor="f-to" className={label}>
            {words.date} to
          </label>
          <input id="f-to" type="date" name="to" defaultValue={filters.to ?? ""} className={input} />
        </div>
        <div className="col-span-2 sm:col-span-1 lg:col-span-2">
          <label htmlFor="f-q" className={label}>
            {words.text}
          </label>
          <input id="f-q" type="search" name="q" defaultValue={filters.q} maxLength={100} placeholder={payments ? "e.g. PAY-1001" : "e.g. 1001"} className={input} />
        </div>
        <div>
          <label htmlFor="f-min" className={label}>
            {words.amount} from ({currency})
          </label>
          <input id="f-min" type="number" name="min" min="0" step={step} inputMode="decimal" defaultValue={money(filters.minMinor)} className={input} />
        </div>
        <div>
          <label htmlFor="f-max" className={label}>
            {words.amount} to ({currency})
          </label>
          <input id="f-max" type="number" name="max" min="0" step={step} inputMode="decimal" defaultValue={money(filters.maxMinor)} className={input} />
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-end gap-x-5 gap-y-3">
        <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <legend className="float-left mr-1 text-xs font-medium text-slate-600">Status</legend>
          {TAB_OPTIONS[filters.tab].statuses.map((status) => (
            <label key={status} className="inline-flex items-center gap-1.5 text-sm text-slate-800">
              <input
                type="checkbox"
                name="status"
                value={status}
                defaultChecked={filters.statuses.includes(status)}
                className="h-4 w-4 rounded border-slate-300 accent-brand-600"
              />
              {STATUS_LABELS[status]}
            </label>
          ))}
        </fieldset>
        <div className="flex items-center gap-2">
          <label htmlFor="f-size" className="text-xs font-medium text-slate-600">
            Rows per page
          </label>
          <PageSizeSelect size={filters.size} sizes={PAGE_SIZES} className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm" />
        </div>
        <div className="ml-auto flex items-center gap-3">
          {hasActiveFilters(filters) ? (
            <Link href={clearFiltersHref(filters.tab)} className="text-sm text-brand-700 underline-offset-2 hover:underline">
              Clear filters
            </Link>
          ) : null}
          <Button type="submit" size="sm">
            Apply filters
          </Button>
        </div>
      </div>
    </Form>
  );
}
