import { addDays, addMonths, isoDateInZone } from "@/lib/dates";

// R-G3: support can only retrieve invoices issued in the previous 6 months. Pure: `now` and the
// account's time zone are passed in. The window is inclusive: an invoice issued exactly 6 calendar
// months before today (in the account's zone) is accepted, one issued the day before is not.

export const GEN3_WINDOW_MONTHS = 6;
export const GEN3_GRANT_DAYS = 30;
export const GEN3_GRANT_MS = GEN3_GRANT_DAYS * 86_400_000;

export type Gen3Window = { earliest: string; today: string };

export function gen3Window(now: Date, timeZone: string): Gen3Window {
  const today = isoDateInZone(now, timeZone);
  return { earliest: addMonths(today, -GEN3_WINDOW_MONTHS), today };
}

export function isIssueDateInWindow(issueDate: string, window: Gen3Window): boolean {
  return issueDate >= window.earliest && issueDate <= window.today;
}

// A month ("2026-05") is accepted when any of its days falls in the window; only the invoices
// issued inside the window are restored.
export function monthRange(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  return { first, last: addDays(addMonths(first, 1), -1) };
}

export function monthOverlapsWindow(month: string, window: Gen3Window): boolean {
  const { first, last } = monthRange(month);
  return last >= window.earliest && first <= window.today;
}

// The issue dates of a month that may be restored: the month clipped to the window.
export function restorableRangeOfMonth(month: string, window: Gen3Window): { from: string; to: string } | null {
  const { first, last } = monthRange(month);
  const from = first > window.earliest ? first : window.earliest;
  const to = last < window.today ? last : window.today;
  return from <= to ? { from, to } : null;
}
