import { TAB_OPTIONS, type ListFilters, type Tab } from "./filters";

// Words for the dates a count covers (issue 13 item 8): Recent Invoices and Recent Payments show
// the last 12 months unless the user picks dates, and their CSV "All" has every date, so a count
// must say which it is or the two numbers look contradictory.

export const DEFAULT_WINDOW_NOTE = "last 12 months";
export const EVERY_DATE_NOTE = "every date";

// True for a tab that starts at a date window (its default view is not "everything").
export function hasDefaultWindow(tab: Tab): boolean {
  return TAB_OPTIONS[tab].window;
}

// The note for the view `filters` describes: the default window when the user kept it, otherwise
// none (chosen dates are visible in the filter form, and Open Invoices has no window).
export function windowNote(filters: Pick<ListFilters, "tab" | "from" | "to" | "defaultFrom">): string | null {
  if (!hasDefaultWindow(filters.tab)) return null;
  return filters.from === filters.defaultFrom && filters.to === null ? DEFAULT_WINDOW_NOTE : null;
}
