import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isoDateInZone } from "@/lib/dates";
import { latestCardExpiryThreshold, latestPastDueThreshold } from "@/lib/notifications/thresholds";
import { cardExpiryMonths, cardExpiryWindow, MAX_WINDOW_DAYS, pastDueWindow, type DueDateRange } from "@/lib/notifications/sweep-window";

const at = (iso: string) => new Date(iso);
const inWindow = (ranges: DueDateRange[], due: string) => ranges.some((r) => r.from <= due && due <= r.to);
// Zones from UTC-12 to UTC+14, as the accounts may have.
const ZONES = ["Etc/GMT+12", "America/New_York", "UTC", "Europe/Berlin", "Asia/Kolkata", "Pacific/Kiritimati"];

describe("past-due sweep window", () => {
  it("walks everything without a base, when the clock went backwards, or more than MAX_WINDOW_DAYS after the base", () => {
    const now = at("2026-12-10T09:00:00Z");
    expect(pastDueWindow(null, now)).toBeNull();
    expect(pastDueWindow(at("2026-12-10T09:00:01Z"), now)).toBeNull();
    expect(pastDueWindow(new Date(now.getTime() - MAX_WINDOW_DAYS * 86_400_000 - 1), now)).toBeNull();
    expect(pastDueWindow(new Date(now.getTime() - MAX_WINDOW_DAYS * 86_400_000), now)).not.toBeNull();
  });

  it("on the same day reads two due dates per threshold, a day of slack either side", () => {
    const ranges = pastDueWindow(at("2026-12-10T08:00:00Z"), at("2026-12-10T09:00:00Z"));
    expect(ranges).toEqual([
      { from: "2026-11-10", to: "2026-11-11" },
      { from: "2026-11-15", to: "2026-11-16" },
      { from: "2026-11-25", to: "2026-11-26" },
      { from: "2026-11-30", to: "2026-12-01" },
      { from: "2026-12-08", to: "2026-12-09" },
    ]);
  });

  it("merges the ranges that meet once the base is days back", () => {
    const ranges = pastDueWindow(at("2026-12-07T09:00:00Z"), at("2026-12-10T09:00:00Z"))!;
    // Thresholds 30 and 25 cover Nov 7-11 and Nov 12-16, which meet; 15 and 10 overlap.
    expect(ranges).toEqual([
      { from: "2026-11-07", to: "2026-11-16" },
      { from: "2026-11-22", to: "2026-12-01" },
      { from: "2026-12-05", to: "2026-12-09" },
    ]);
  });

  // The window's promise: an invoice whose latest crossed threshold differs between the base and now,
  // in any account zone, has its due date inside it.
  it("holds every due date whose latest threshold changed between the base and now, in every zone", () => {
    const bases = ["2026-12-10T00:30:00Z", "2026-12-10T11:00:00Z", "2026-12-10T23:30:00Z", "2027-03-13T06:00:00Z"];
    const steps = [0, 3_600_000, 13 * 3_600_000, 86_400_000, 36 * 3_600_000, 2 * 86_400_000 + 7_200_000, MAX_WINDOW_DAYS * 86_400_000];
    for (const baseIso of bases) {
      for (const step of steps) {
        const base = at(baseIso);
        const now = new Date(base.getTime() + step);
        const ranges = pastDueWindow(base, now)!;
        for (let offset = -60; offset <= 5; offset++) {
          const due = addDays(isoDateInZone(base, "UTC"), offset);
          for (const zone of ZONES) {
            const before = latestPastDueThreshold(due, isoDateInZone(base, zone));
            const after = latestPastDueThreshold(due, isoDateInZone(now, zone));
            if (before !== after) expect(inWindow(ranges, due), `${due} in ${zone}, ${baseIso} + ${step} ms`).toBe(true);
          }
        }
        for (const r of ranges) expect(daysBetween(r.from, r.to)).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe("card expiry sweep window", () => {
  const months = (base: string, now: string) => cardExpiryWindow(at(base), at(now))!.map((m) => `${m.year}-${String(m.month).padStart(2, "0")}`);

  it("walks everything exactly when the past-due window does", () => {
    const now = at("2026-12-10T09:00:00Z");
    expect(cardExpiryWindow(null, now)).toBeNull();
    expect(cardExpiryWindow(at("2026-12-10T09:00:01Z"), now)).toBeNull();
    expect(cardExpiryWindow(new Date(now.getTime() - MAX_WINDOW_DAYS * 86_400_000 - 1), now)).toBeNull();
    expect(cardExpiryWindow(new Date(now.getTime() - MAX_WINDOW_DAYS * 86_400_000), now)).toEqual([]);
  });

  it("reads no month mid-month, and a month only when one of its last days' zones reaches a threshold", () => {
    expect(months("2026-12-10T08:00:00Z", "2026-12-10T09:00:00Z")).toEqual([]);
    // November 30: the 1-day threshold, give or take a day. December 31: 30 days after December 1, give or take a day.
    expect(months("2026-11-27T08:00:00Z", "2026-11-27T09:00:00Z")).toEqual([]);
    expect(months("2026-11-29T08:00:00Z", "2026-11-29T09:00:00Z")).toEqual(["2026-11"]);
    expect(months("2026-11-30T08:00:00Z", "2026-11-30T09:00:00Z")).toEqual(["2026-11", "2026-12"]);
    expect(months("2026-12-02T08:00:00Z", "2026-12-02T09:00:00Z")).toEqual(["2026-12"]);
    expect(months("2026-12-03T08:00:00Z", "2026-12-03T09:00:00Z")).toEqual([]);
    // 15 days before December 31.
    expect(months("2026-12-14T08:00:00Z", "2026-12-14T09:00:00Z")).toEqual([]);
    expect(months("2026-12-15T08:00:00Z", "2026-12-15T09:00:00Z")).toEqual(["2026-12"]);
    expect(months("2026-12-17T08:00:00Z", "2026-12-17T09:00:00Z")).toEqual(["2026-12"]);
    expect(months("2026-12-18T08:00:00Z", "2026-12-18T09:00:00Z")).toEqual([]);
    // Dec → Jan: on Dec 31 December's cards are at their 1-day threshold and January's end is 31 days on.
    expect(months("2026-12-31T08:00:00Z", "2026-12-31T09:00:00Z")).toEqual(["2026-12", "2027-01"]);
    expect(months("2027-01-01T08:00:00Z", "2027-01-01T09:00:00Z")).toEqual(["2027-01"]);
    // February's end: 31 days after Jan 28 in a common year, a day later in a leap year.
    expect(months("2027-01-28T08:00:00Z", "2027-01-28T09:00:00Z")).toEqual(["2027-02"]);
    expect(months("2028-01-28T08:00:00Z", "2028-01-28T09:00:00Z")).toEqual([]);
    // A base days back reads the months whose last day any of those days reached.
    expect(months("2026-11-27T09:00:00Z", "2026-11-30T09:00:00Z")).toEqual(["2026-11", "2026-12"]);
  });

  // The window's promise: a card whose latest crossed threshold differs between the base and now, in
  // any account zone, has its expiry month inside it.
  it("holds every expiry month whose latest threshold changed between the base and now, in every zone, across month ends and Dec → Jan", { timeout: 120_000 }, () => {
    const steps = [0, 3_600_000, 13 * 3_600_000, 86_400_000, 36 * 3_600_000, 2 * 86_400_000 + 7_200_000, MAX_WINDOW_DAYS * 86_400_000];
    const hours = [0.5, 11, 23.5];
    // Every day from November to March (Dec → Jan, a common February), and around a leap February.
    const days = [
      ...Array.from({ length: 150 }, (_, i) => Date.UTC(2026, 10, 1) + i * 86_400_000),
      ...Array.from({ length: 40 }, (_, i) => Date.UTC(2028, 0, 20) + i * 86_400_000),
    ];
    const dayInZone = new Map<string, string>();
    const today = (instant: Date, zone: string) => {
      const key = `${instant.getTime()} ${zone}`;
      if (!dayInZone.has(key)) dayInZone.set(key, isoDateInZone(instant, zone));
      return dayInZone.get(key)!;
    };
    for (const day of days) {
      for (const hour of hours) {
        const base = new Date(day + hour * 3_600_000);
        for (const step of steps) {
          const now = new Date(base.getTime() + step);
          const window = cardExpiryWindow(base, now)!;
          const { from, to } = cardExpiryMonths(now);
          for (let offset = -2; offset <= 3; offset++) {
            const month = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + offset, 1));
            const [year, m] = [month.getUTCFullYear(), month.getUTCMonth() + 1];
            const inWindow = window.some((w) => w.year === year && w.month === m);
            const inFullWalk = year * 12 + m >= from.year * 12 + from.month && year * 12 + m <= to.year * 12 + to.month;
            if (inWindow) expect(inFullWalk, `${year}-${m} in the full walk at ${now.toISOString()}`).toBe(true);
            for (const zone of ZONES) {
              const before = latestCardExpiryThreshold(year, m, today(base, zone));
              const after = latestCardExpiryThreshold(year, m, today(now, zone));
              if (after !== null) expect(inFullWalk, `${year}-${m} due in ${zone} at ${now.toISOString()}`).toBe(true);
              if (after !== null && before !== after) expect(inWindow, `${year}-${m} in ${zone}, ${base.toISOString()} + ${step} ms`).toBe(true);
            }
          }
        }
      }
    }
  });
});
