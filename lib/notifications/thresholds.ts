// Reminder thresholds (R-N1) and the catch-up rule (R-N5). Pure: "today" is a calendar day passed in.
import { daysBetween } from "@/lib/dates";

// Days past the due date on which an unpaid invoice is reminded, ascending.
export const PAST_DUE_THRESHOLDS = [2, 10, 15, 25, 30] as const;
// Days before a card stops being valid on which it is reminded, descending (the latest comes last).
export const CARD_EXPIRY_THRESHOLDS = [30, 15, 1] as const;

// Whole calendar days an invoice is past due on `today` (0 or negative when not yet late).
export function daysPastDue(dueDate: string, today: string): number {
  return daysBetween(dueDate, today);
}

// The latest past-due threshold crossed by `today`, or null. A sweep sends only this one, so a sweep
// that missed some days catches up without sending the thresholds it superseded.
export function latestPastDueThreshold(dueDate: string, today: string): number | null {
  const days = daysPastDue(dueDate, today);
  const crossed = PAST_DUE_THRESHOLDS.filter((t) => t <= days);
  return crossed.length ? crossed[crossed.length - 1] : null;
}

// A card is valid to the end of its expiry month: the last calendar day of that month.
export function cardLastValidDay(expYear: number, expMonth: number): string {
  const last = new Date(Date.UTC(expYear, expMonth, 0));
  return last.toISOString().slice(0, 10);
}

// Calendar days from `today` to the card's last valid day (0 on that day, negative once expired).
export function daysUntilCardExpiry(expYear: number, expMonth: number, today: string): number {
  return daysBetween(today, cardLastValidDay(expYear, expMonth));
}

// The latest expiry threshold crossed by `today`, or null (not yet within 30 days, or already expired).
export function latestCardExpiryThreshold(expYear: number, expMonth: number, today: string): number | null {
  const days = daysUntilCardExpiry(expYear, expMonth, today);
  if (days < 0) return null;
  const crossed = CARD_EXPIRY_THRESHOLDS.filter((t) => days <= t);
  return crossed.length ? crossed[crossed.length - 1] : null;
}
