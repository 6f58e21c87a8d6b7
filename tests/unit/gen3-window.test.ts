import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { gen3Window, isIssueDateInWindow, monthOverlapsWindow, restorableRangeOfMonth } from "@/lib/support/gen3-window";

describe("the Generation 3 request window (R-G3)", () => {
  // 02:00 UTC on Nov 25 is still Nov 24 in New York.
  const now = new Date("2026-11-25T02:00:00Z");

  it("is computed in the account's time zone", () => {
    expect(gen3Window(now, "America/New_York")).toEqual({ earliest: "2026-05-24", today: "2026-11-24" });
    expect(gen3Window(now, "Europe/Berlin")).toEqual({ earliest: "2026-05-25", today: "2026-11-25" });
  });

  it("accepts an invoice issued 6 months minus a day ago and exactly 6 months ago, refuses 6 months plus a day", () => {
    const window = gen3Window(now, "America/New_York");
    expect(isIssueDateInWindow(addDays(window.earliest, 1), window)).toBe(true);
    expect(isIssueDateInWindow(window.earliest, window)).toBe(true);
    expect(isIssueDateInWindow(addDays(window.earliest, -1), window)).toBe(false);
  });

  it("refuses an issue date after today", () => {
    const window = gen3Window(now, "UTC");
    expect(isIssueDateInWindow("2026-11-26", window)).toBe(false);
  });

  it("clamps the month arithmetic at month ends", () => {
    expect(gen3Window(new Date("2026-08-31T12:00:00Z"), "UTC").earliest).toBe("2026-02-28");
  });

  it("accepts a month that overlaps the window and restores only its days inside it", () => {
    const window = gen3Window(now, "UTC"); // 2026-05-25 .. 2026-11-25
    expect(monthOverlapsWindow("2026-05", window)).toBe(true);
    expect(restorableRangeOfMonth("2026-05", window)).toEqual({ from: "2026-05-25", to: "2026-05-31" });
    expect(monthOverlapsWindow("2026-04", window)).toBe(false);
    expect(restorableRangeOfMonth("2026-04", window)).toBeNull();
    expect(restorableRangeOfMonth("2026-11", window)).toEqual({ from: "2026-11-01", to: "2026-11-25" });
    expect(monthOverlapsWindow("2026-12", window)).toBe(false);
  });
});
