import { minorToDecimalString } from "@/lib/money";
import { encodeCursor, type PageDirection } from "@/lib/pagination/cursor";
import { TAB_OPTIONS, type ListFilters, type RawFilters, type Tab } from "./filters";

// Builds the links of the Invoices + Payments screen (sort headers, pages, tabs) from the
// current filters, so every view is a plain URL the back button can return to.

export const INVOICES_PATH = "/account/invoices";

type Page = { direction: PageDirection; token: string } | null;

function sortOptions(tab: Tab): Record<string, { dir: string }> {
  return TAB_OPTIONS[tab].sorts;
}

// Query string for `filters`, leaving out values that equal the defaults.
export function filtersToSearchParams(filters: ListFilters, currency: string, page: Page = null): URLSearchParams {
  const params = new URLSearchParams({ tab: filters.tab });
  if (filters.from !== filters.defaultFrom) params.set("from", filters.from ?? "");
  if (filters.to) params.set("to", filters.to);
  for (const status of filters.statuses) params.append("status", status);
  if (filters.q) params.set("q", filters.q);
  if (filters.minMinor !== null) params.set("min", minorToDecimalString(filters.minMinor, currency));
  if (filters.maxMinor !== null) params.set("max", minorToDecimalString(filters.maxMinor, currency));
  const defaultSort = TAB_OPTIONS[filters.tab].defaultSort;
  if (filters.sort !== defaultSort || filters.dir !== sortOptions(filters.tab)[filters.sort].dir) {
    params.set("sort", filters.sort);
    params.set("dir", filters.dir);
  }
  if (filters.size !== 25) params.set("size", String(filters.size));
  if (page) params.set(page.direction, page.token);
  return params;
}

export function listHref(filters: ListFilters, currency: string, page: Page = null): string {
  return `${INVOICES_PATH}?${filtersToSearchParams(filters, currency, page)}`;
}

const FILTER_KEYS = ["from", "to", "status", "q", "min", "max", "sort", "dir", "size", "after", "before"] as const;

// The canonical URL of the view, when the request carries filter parameters the canonical URL
// leaves out: the filter form's GET submits every input, so "Apply" writes `to=&q=&min=&max=`,
// the prefilled default `from` (which would freeze the 12-month window into a shared link) and
// `size=25` (issue 13 item 11). Null when the URL is already canonical, so redirecting to the
// result can never loop. An empty `from` stays: it means "every date" on a windowed tab.
export function canonicalListHref(raw: RawFilters, filters: ListFilters, currency: string): string | null {
  const page = filters.cursor ? { direction: filters.cursor.direction, token: encodeCursor(filters.cursor.at) } : null;
  const canonical = filtersToSearchParams(filters, currency, page);
  const extra = FILTER_KEYS.some((key) => raw[key] !== undefined && !canonical.has(key));
  return extra ? `${INVOICES_PATH}?${canonical}` : null;
}

// A column header link: the same column flips direction, another starts at its natural one.
export function sortHref(filters: ListFilters, currency: string, column: string): string {
  const dir = filters.sort === column ? (filters.dir === "asc" ? "desc" : "asc") : (sortOptions(filters.tab)[column]?.dir as ListFilters["dir"]);
  return listHref({ ...filters, sort: column, dir }, currency);
}

export function tabHref(tab: Tab): string {
  return `${INVOICES_PATH}?tab=${tab}`;
}

// The tab with its defaults: the "Clear filters" link.
export const clearFiltersHref = tabHref;
