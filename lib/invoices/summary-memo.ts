import "server-only";
import { cache } from "react";
import type { ListFilters } from "./filters";
import type { ListSummary } from "./invoice-list-query";

// Summaries (count and total) asked for more than once while rendering one page: a tab label,
// the list's own count and the CSV menu's "All" count are often the same query. React's cache
// gives each request its own map; outside a render (route handlers, tests) it is a fresh map
// per call, so nothing is ever shared across requests or viewers.
const summaries = cache(() => new Map<string, Promise<ListSummary>>());

export type SummaryKind = "open" | "recent" | "payments";

// The key of a summary: what it counts and the filters that change the count (not sort or page).
// `today` matters to invoices (past due is relative to it), not to payments (null).
export function summaryKey(kind: SummaryKind, filters: ListFilters, today: string | null): string {
  const { from, to, statuses, q, minMinor, maxMinor } = filters;
  return JSON.stringify([kind, today, from, to, [...statuses].sort(), q, minMinor, maxMinor]);
}

// The request's summary under `key`, loading it once.
export function memoizedSummary(key: string, load: () => Promise<ListSummary>): Promise<ListSummary> {
  const memo = summaries();
  let summary = memo.get(key);
  if (!summary) {
    summary = load();
    memo.set(key, summary);
  }
  return summary;
}

// Records a summary computed by a combined query, so a later request for it in this render is free.
export function rememberSummary(key: string, summary: Promise<ListSummary>): void {
  const memo = summaries();
  // Its failure surfaces where it is awaited; unread, it must not be an unhandled rejection.
  summary.catch(() => undefined);
  if (!memo.has(key)) memo.set(key, summary);
}
