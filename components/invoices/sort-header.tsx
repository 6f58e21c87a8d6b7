import Link from "next/link";
import { sortHref } from "@/lib/invoices/filter-url";
import type { ListFilters } from "@/lib/invoices/filters";

// A column header of a list (styled by list-view.css) that sorts by its column: a plain link, so it works without JavaScript and the
// back button returns to the previous order. aria-sort tells screen readers the current one.
export function SortHeader({ label, column, filters, currency, numeric }: { label: string; column: string; filters: ListFilters; currency: string; numeric?: boolean }) {
  const active = filters.sort === column;
  return (
    <th scope="col" className={numeric ? "num" : undefined} aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={sortHref(filters, currency, column)}>
        {label}
        <span aria-hidden="true">{active ? (filters.dir === "asc" ? "▲" : "▼") : "▲▼"}</span>
      </Link>
    </th>
  );
}

// On a phone the sort headers become a row of links, the tab's default order first.
export function MobileSortLinks({ filters, currency, columns }: { filters: ListFilters; currency: string; columns: [string, string][] }) {
  return (
    <nav aria-label="Sort" className="lv-sorts flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-3 pb-2 text-xs md:hidden">
      <span className="text-slate-600">Sort by</span>
      {columns.map(([column, label]) => {
        const active = filters.sort === column;
        return (
          <Link key={column} href={sortHref(filters, currency, column)} aria-current={active ? "true" : undefined}>
            {label}
            {active ? <span aria-label={filters.dir === "asc" ? ", ascending" : ", descending"}>{filters.dir === "asc" ? " ▲" : " ▼"}</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}
