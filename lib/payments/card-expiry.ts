import { addDays, addMonths, daysBetween, isoDateInZone } from "@/lib/dates";

export const EXPIRES_SOON_DAYS = 30;

export type CardExpiry = {
  state: "valid" | "expires_soon" | "expired";
  // The last calendar day the card works: the end of its expiry month.
  lastValidDay: string;
  // Days until the card stops working: 1 on its last valid day, 0 or less once expired.
  daysLeft: number;
};

// A card is valid to the end of its expiry month, in the account's time zone (R-N1);
// it "expires soon" within the last 30 days of that.
export function cardExpiry(card: { expMonth: number; expYear: number }, now: Date, timeZone: string): CardExpiry {
  const monthStart = `${String(card.expYear).padStart(4, "0")}-${String(card.expMonth).padStart(2, "0")}-01`;
  const lastValidDay = addDays(addMonths(monthStart, 1), -1);
  const daysLeft = daysBetween(isoDateInZone(now, timeZone), lastValidDay) + 1;
  const state = daysLeft <= 0 ? "expired" : daysLeft <= EXPIRES_SOON_DAYS ? "expires_soon" : "valid";
  return { state, lastValidDay, daysLeft };
}
