import { minorToDecimalString } from "@/lib/money";
import type { PageDirection } from "@/lib/pagination/cursor";
import { TAB_OPTIONS, type ListFilters, type Tab } from "./filters";

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
