import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { cardLastValidDay, daysUntilCardExpiry, latestCardExpiryThreshold, latestPastDueThreshold } from "@/lib/notifications/thresholds";

describe("past-due thresholds", () => {
  it("the latest threshold crossed on each day after the due date", () => {
    const due = "2026-12-01";
    const byDay = Array.from({ length: 36 }, (_, d) => latestPastDueThreshold(due, addDays(due, d)));
    expect(byDay.slice(0, 2)).toEqual([null, null]);
    expect(byDay[2]).toBe(2);
    expect(byDay[9]).toBe(2);
    expect([byDay[10], byDay[14], byDay[15], byDay[24], byDay[25], byDay[29], byDay[30], byDay[35]]).toEqual([10, 10, 15, 15, 25, 25, 30, 30]);
  });

  it("never reminds before the due date", () => {
    expect(latestPastDueThreshold("2026-12-01", "2026-11-20")).toBeNull();
  });
});

describe("card expiry thresholds", () => {
  it("a card is valid to the last day of its expiry month, leap years included", () => {
    expect(cardLastValidDay(2027, 2)).toBe("2027-02-28");
    expect(cardLastValidDay(2028, 2)).toBe("2028-02-29");
    expect(cardLastValidDay(2026, 12)).toBe("2026-12-31");
  });

  it("02/2027 crosses 30, 15 and 1 days on Jan 29, Feb 13 and Feb 27", () => {
    expect(daysUntilCardExpiry(2027, 2, "2027-01-29")).toBe(30);
    expect(latestCardExpiryThreshold(2027, 2, "2027-01-28")).toBeNull();
    expect(latestCardExpiryThreshold(2027, 2, "2027-01-29")).toBe(30);
    expect(latestCardExpiryThreshold(2027, 2, "2027-02-12")).toBe(30);
    expect(latestCardExpiryThreshold(2027, 2, "2027-02-13")).toBe(15);
    expect(latestCardExpiryThreshold(2027, 2, "2027-02-27")).toBe(1);
    expect(latestCardExpiryThreshold(2027, 2, "2027-02-28")).toBe(1);
    expect(latestCardExpiryThreshold(2027, 2, "2027-03-01")).toBeNull();
  });
});
