import { clearFiltersHref, filtersToSearchParams, INVOICES_PATH } from "@/lib/invoices/filter-url";
import { hasActiveFilters, PAGE_SIZES, TAB_OPTIONS, type ListFilters } from "@/lib/invoices/filters";
import { INVOICE_STATUS_LABELS, PAYMENT_STATUS_LABELS } from "@/lib/invoices/invoice-status";
import { minorToDecimalString, minorUnitDigits } from "@/lib/money";
import { FilterFormView } from "./filter-form-view";

const STATUS_LABELS: Record<string, string> = { ...INVOICE_STATUS_LABELS, ...PAYMENT_STATUS_LABELS };

// The filter function of a tab (R-I2): a GET form, so it works without JavaScript and every
// filtered view is a URL. The key remounts it when the URL changes (Back, Clear filters).
export function FilterForm({ filters, currency }: { filters: ListFilters; currency: string }) {
  const payments = filters.tab === "payments";
  const digits = minorUnitDigits(currency);
  const money = (minor: number | null) => (minor === null ? "" : minorToDecimalString(minor, currency));
  const params = filtersToSearchParams(filters, currency);
  return (
    <FilterFormView
      form={{
        action: INVOICES_PATH,
        formKey: params.toString(),
        tab: filters.tab,
        sort: params.has("sort") ? { sort: filters.sort, dir: filters.dir } : null,
        words: payments ? { date: "Received", text: "Reference", amount: "Amount" } : { date: "Invoice date", text: "Invoice number", amount: "Total" },
        placeholder: payments ? "e.g. PAY-1001" : "e.g. 1001",
        currency,
        step: digits === 0 ? "1" : `0.${"0".repeat(digits - 1)}1`,
        values: { from: filters.from ?? "", to: filters.to ?? "", q: filters.q, min: money(filters.minMinor), max: money(filters.maxMinor) },
        statuses: TAB_OPTIONS[filters.tab].statuses.map((status) => [status, STATUS_LABELS[status], filters.statuses.includes(status)]),
        size: filters.size,
        sizes: PAGE_SIZES,
        clearHref: hasActiveFilters(filters) ? clearFiltersHref(filters.tab) : null,
      }}
    />
  );
}
