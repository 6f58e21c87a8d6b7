import { z } from "zod";
import { isoDateInZone } from "@/lib/dates";
import { encodeCursor } from "@/lib/pagination/cursor";
import { filtersToSearchParams } from "./filter-url";
import { TABS, type ListFilters, type Tab } from "./filters";

// What an export of a tab asks for (R-E1). Pure: shared by the route, the menu and the tests.
//
// Scopes, as the export route reads them:
// - "all": every row of the tab the viewer may see, ignoring filters AND paging. For Recent
//   Invoices and Recent Payments that also drops the default 12-month window: "all" means the
//   account's whole history of that tab, not "the default view".
// - "current": exactly the rows on screen — same filters, sort, cursor and page size.
// - "filtered": every row matching the current filters (window included), all pages, same sort.

export const EXPORT_SCOPES = ["all", "current", "filtered"] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

export const EXPORT_DELIMITERS = { comma: ",", semicolon: ";" } as const;
export type ExportDelimiter = keyof typeof EXPORT_DELIMITERS;

export const EXPORT_PATH = "/account/invoices/export";

export const EXPORT_FILE_TABS: Record<Tab, string> = { open: "open-invoices", recent: "recent-invoices", payments: "recent-payments" };

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

// Unlike the page, the export refuses a bad tab, scope or delimiter (422) instead of guessing:
// a download should never silently contain something other than what was asked for.
export const listExportSchema = z.object({
  tab: z.preprocess(first, z.enum(TABS)),
  scope: z.preprocess(first, z.enum(EXPORT_SCOPES)),
  delimiter: z.preprocess(first, z.enum(["comma", "semicolon"]).default("comma")),
});

// `<account-slug>-<tab>-<yyyy-mm-dd>.csv`, the day being today in the account's time zone.
export function listExportFilename(slug: string, tab: Tab, now: Date, timeZone: string): string {
  return `${slug}-${EXPORT_FILE_TABS[tab]}-${isoDateInZone(now, timeZone)}.csv`;
}

// The filters a scope reads with; "current" keeps the cursor, the others start from the first row.
export function scopeFilters(filters: ListFilters, scope: ExportScope): ListFilters {
  if (scope === "current") return filters;
  if (scope === "filtered") return { ...filters, cursor: null };
  return { ...filters, from: null, to: null, defaultFrom: null, statuses: [], q: "", minMinor: null, maxMinor: null, cursor: null };
}

// The download link for a scope of the view `filters` describes (same query string as the page).
export function exportHref(filters: ListFilters, currency: string, scope: ExportScope, delimiter: ExportDelimiter = "comma"): string {
  const page = scope === "current" && filters.cursor ? { direction: filters.cursor.direction, token: encodeCursor(filters.cursor.at) } : null;
  const params = filtersToSearchParams(filters, currency, page);
  params.set("scope", scope);
  if (delimiter !== "comma") params.set("delimiter", delimiter);
  return `${EXPORT_PATH}?${params}`;
}

// URLSearchParams → the page's raw filter shape (repeated keys such as `status` become arrays).
export function rawFiltersOf(params: URLSearchParams): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length === 1 ? values[0] : values;
  }
  return raw;
}
