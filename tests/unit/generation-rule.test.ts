import { describe, expect, it } from "vitest";
import { generation3Access } from "@/lib/invoices/generation-rule";

const HOUR = 3_600_000;
const upgradedAt = new Date("2026-10-26T22:30:00-04:00"); // an evening in New York, = 02:30Z next day

describe("generation3Access", () => {
  it("an account still on Generation 3 sees its Generation 3 invoices", () => {
    expect(generation3Access({ invoiceGeneration: 3, upgradedAt: null }, new Date())).toEqual({ state: "current" });
  });

  it("29 days 23 hours after the upgrade they are still visible, until the 30-day instant", () => {
    const now = new Date(upgradedAt.getTime() + (30 * 24 - 1) * HOUR);
    expect(generation3Access({ invoiceGeneration: 4, upgradedAt }, now)).toEqual({
      state: "grace",
      until: new Date(upgradedAt.getTime() + 30 * 24 * HOUR),
    });
  });

  it("exactly 30 days after the upgrade they are hidden", () => {
    const now = new Date(upgradedAt.getTime() + 30 * 24 * HOUR);
    expect(generation3Access({ invoiceGeneration: 4, upgradedAt }, now).state).toBe("hidden");
  });

  it("counts elapsed time, not calendar days in a zone: a DST change inside the window changes nothing", () => {
    // 2026-11-01 is the end of DST in New York, inside this window.
    const justBefore = new Date(upgradedAt.getTime() + 30 * 24 * HOUR - 1);
    expect(generation3Access({ invoiceGeneration: 4, upgradedAt }, justBefore).state).toBe("grace");
    expect(generation3Access({ invoiceGeneration: 4, upgradedAt }, new Date("2026-11-26T02:30:00Z")).state).toBe("hidden");
  });
});
