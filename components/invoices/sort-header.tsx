import Link from "next/link";
import { Th } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { sortHref } from "@/lib/invoices/filter-url";
import type { ListFilters } from "@/lib/invoices/filters";

// A column header that sorts by its column: a plain link, so it works without JavaScript and the
// back button returns to the previous order. aria-sort tells screen readers the current one.
export function SortHeader({
  label,
  column,
  filters,
  currency,
  numeric,
}: {
  label: string;
  column: string;
  filters: ListFilters;
  currency: string;
  numeric?: boolean;
}) {
  const active = filters.sort === column;
  return (
    <Th numeric={numeric} aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={sortHref(filters, currency, column)}
        className={cn("inline-flex items-center gap-1 rounded hover:text-slate-900", active && "text-slate-900")}
      >
        {label}
        <span aria-hidden="true" className={cn("text-[10px]", active ? "text-slate-700" : "text-slate-300")}>
          {active ? (filters.dir === "asc" ? "▲" : "▼") : "▲▼"}
        </span>
      </Link>
    </Th>
  );
}

// On a phone the sort headers become a row of links, the tab's default order first.
export function MobileSortLinks({ filters, currency, columns }: { filters: ListFilters; currency: string; columns: [string, string][] }) {
  return (
    <nav aria-label="Sort" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-3 pb-2 text-xs md:hidden">
      <span className="text-slate-600">Sort by</span>
      {columns.map(([column, label]) => {
        const active = filters.sort === column;
        return (
          <Link
            key={column}
            href={sortHref(filters, currency, column)}
            aria-current={active ? "true" : undefined}
            className={cn("rounded px-1 py-0.5", active ? "bg-slate-100 font-medium text-slate-900" : "text-brand-700")}
          >
            {label}
            {active ? <span aria-label={filters.dir === "asc" ? ", ascending" : ", descending"}>{filters.dir === "asc" ? " ▲" : " ▼"}</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}
