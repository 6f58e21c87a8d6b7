import { addDays, isoDateInZone } from "@/lib/dates";
import { PAST_DUE_THRESHOLDS } from "./thresholds";

// Which open invoices a sweep must read for past-due reminders, given the last completed sweep (its
// base). Pure: both instants are passed in.
//
// After a completed sweep at instant P, every open invoice had its latest crossed threshold sent (or
// superseded). The calendar alone makes an invoice newly due for threshold t only when
// `today - due_date` reaches t, so a sweep at N ≥ P needs only the invoices whose due date lies in
// [day(P) - t, day(N) + 1 - t] for some t: the account's calendar day is within a day of the UTC
// day (zones run from UTC-12 to UTC+14), hence the day of slack on either side, which also
// covers an account changing its zone. What else can make an invoice due (posted already past
// due, a Generation 3 invoice granted back, a recipient added or given a permission or a channel)
// marks its account in reminder_rescans by trigger, and those accounts are read in full.
// Paying, voiding, upgrading and grants expiring only ever end reminders, so they need nothing.

// A base further back than this is not worth windowing: the window would be most open invoices,
// re-read and sorted at each step of the walk; the full walk reads each once.
export const MAX_WINDOW_DAYS = 3;

export type DueDateRange = { from: string; to: string };

// The due-date ranges to read (sorted, merged), or null when the full walk is needed: no base, a
// clock that went backwards, or a base more than MAX_WINDOW_DAYS back.
export function pastDueWindow(baseSweepAt: Date | null, now: Date): DueDateRange[] | null {
  if (!baseSweepAt || now.getTime() < baseSweepAt.getTime()) return null;
  if (now.getTime() - baseSweepAt.getTime() > MAX_WINDOW_DAYS * 86_400_000) return null;
  const baseDay = isoDateInZone(baseSweepAt, "UTC");
  const today = isoDateInZone(now, "UTC");
  const ranges = [...PAST_DUE_THRESHOLDS].sort((a, b) => b - a).map((t) => ({ from: addDays(baseDay, -t), to: addDays(today, 1 - t) }));
  const merged: DueDateRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    // ISO days compare as strings; ranges that touch (to + 1 day = from) merge too.
    if (last && addDays(last.to, 1) >= range.from) last.to = range.to > last.to ? range.to : last.to;
    else merged.push({ ...range });
  }
  return merged;
}
