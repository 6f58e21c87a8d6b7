import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isoDateInZone } from "@/lib/dates";
import { latestPastDueThreshold } from "@/lib/notifications/thresholds";
import { MAX_WINDOW_DAYS, pastDueWindow, type DueDateRange } from "@/lib/notifications/sweep-window";

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
