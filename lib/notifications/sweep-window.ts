import { addDays, isoDateInZone } from "@/lib/dates";
import { CARD_EXPIRY_THRESHOLDS, PAST_DUE_THRESHOLDS, cardLastValidDay } from "./thresholds";

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

// Whether a sweep at `now` can build on a base at `baseSweepAt`: not without one, not when the clock
// went backwards, and not when the base is more than MAX_WINDOW_DAYS back.
function windowable(baseSweepAt: Date | null, now: Date): baseSweepAt is Date {
  if (!baseSweepAt || now.getTime() < baseSweepAt.getTime()) return false;
  return now.getTime() - baseSweepAt.getTime() <= MAX_WINDOW_DAYS * 86_400_000;
}

// The due-date ranges to read (sorted, merged), or null when the full walk is needed (windowable).
export function pastDueWindow(baseSweepAt: Date | null, now: Date): DueDateRange[] | null {
  if (!windowable(baseSweepAt, now)) return null;
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

// Cards: a card crosses threshold t on the day (last valid day - account's today) reaches t, and
// every card of an expiry month shares its last valid day. After a completed sweep at instant P a
// card is newly due at N only if its last day L has L - day(P) > t >= L - day(N) for some t, with
// the account's days within a day of the UTC days B = day(P) and today = day(N): L in
// [B + t, today + t + 1]. The window takes [B + t - 1, today + t + 1], one more day of slack, and
// keeps only the months the full walk reads (cardExpiryMonths): so usually no month at all, and a
// month only around its end. Cards added, brought back or given a new expiry mark their account.
export type ExpiryMonth = { year: number; month: number };

// Months counted from year 0, so a range of months is a range of numbers.
const monthIndex = (m: ExpiryMonth) => m.year * 12 + m.month - 1;
const monthOf = (isoDate: string): ExpiryMonth => ({ year: Number(isoDate.slice(0, 4)), month: Number(isoDate.slice(5, 7)) });

// The expiry months the full card walk reads: a card is within 30 days of its last day in some
// account's zone (today in a zone is within a day of today in UTC) only in these, this month and next.
export function cardExpiryMonths(now: Date): { from: ExpiryMonth; to: ExpiryMonth } {
  const today = isoDateInZone(now, "UTC");
  return { from: monthOf(addDays(today, -1)), to: monthOf(addDays(today, Math.max(...CARD_EXPIRY_THRESHOLDS) + 1)) };
}

// The expiry months to read (ascending, often none), or null when the full walk is needed (windowable).
export function cardExpiryWindow(baseSweepAt: Date | null, now: Date): ExpiryMonth[] | null {
  if (!windowable(baseSweepAt, now)) return null;
  const baseDay = isoDateInZone(baseSweepAt, "UTC");
  const today = isoDateInZone(now, "UTC");
  const { from, to } = cardExpiryMonths(now);
  const months: ExpiryMonth[] = [];
  for (let index = monthIndex(from); index <= monthIndex(to); index++) {
    const month = { year: Math.floor(index / 12), month: (index % 12) + 1 };
    const lastDay = cardLastValidDay(month.year, month.month);
    if (CARD_EXPIRY_THRESHOLDS.some((t) => addDays(baseDay, t - 1) <= lastDay && lastDay <= addDays(today, t + 1))) months.push(month);
  }
  return months;
}
