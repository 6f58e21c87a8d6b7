"use client";

import Link from "next/link";

// A sort link of a list, computed on the server (lib/invoices/filter-url.ts sortHref): where it
// goes, and the current order when the list is sorted by it. Client components only so a list's
// RSC payload holds these few strings rather than the header markup.
export type SortTarget = { href: string; current: "asc" | "desc" | null };
// The same SortTarget objects as the headers': the RSC payload then refers to them, not repeats them.
export type SortLink = { label: string; sort: SortTarget };
export type HeadColumn = { label: string; numeric?: boolean; sort?: SortTarget };

// The column headers of a list (styled by list-view.css). A sortable one is a plain link, so it
// works without JavaScript and the back button returns to the previous order; aria-sort tells
// screen readers the current one.
export function ListHead({ columns }: { columns: HeadColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map(({ label, numeric, sort }) =>
          sort ? (
            <th key={label} scope="col" className={numeric ? "num" : undefined} aria-sort={sort.current ? (sort.current === "asc" ? "ascending" : "descending") : undefined}>
              <Link href={sort.href}>
                {label}
                <span aria-hidden="true">{sort.current ? (sort.current === "asc" ? "▲" : "▼") : "▲▼"}</span>
              </Link>
            </th>
          ) : (
            <th key={label} scope="col" className={numeric ? "num" : undefined}>
              {label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

// On a phone the sort headers become a row of links, the tab's default order first.
export function MobileSortLinks({ links }: { links: SortLink[] }) {
  return (
    <nav aria-label="Sort" className="lv-sorts flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-3 pb-2 text-xs md:hidden">
      <span className="text-slate-600">Sort by</span>
      {links.map(({ label, sort: { href, current } }) => (
        <Link key={href} href={href} aria-current={current ? "true" : undefined}>
          {label}
          {current ? <span aria-label={current === "asc" ? ", ascending" : ", descending"}>{current === "asc" ? " ▲" : " ▼"}</span> : null}
        </Link>
      ))}
    </nav>
  );
}
