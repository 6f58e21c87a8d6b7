import { describe, expect, it } from "vitest";
import { parseInvoiceFilters } from "@/lib/invoices/filters";
import { windowNote } from "@/lib/invoices/window-note";

const usd = { timeZone: "America/New_York", currency: "USD" };
const now = new Date("2026-11-25T02:00:00Z");

describe("windowNote", () => {
  it("names the 12-month default window of Recent Invoices and Recent Payments", () => {
    expect(windowNote(parseInvoiceFilters({ tab: "recent" }, usd, now))).toBe("last 12 months");
    expect(windowNote(parseInvoiceFilters({ tab: "payments", q: "visa" }, usd, now))).toBe("last 12 months");
  });

  it("says nothing when the user chose dates or the tab has no window", () => {
    expect(windowNote(parseInvoiceFilters({ tab: "recent", from: "" }, usd, now))).toBeNull();
    expect(windowNote(parseInvoiceFilters({ tab: "recent", from: "2024-01-01" }, usd, now))).toBeNull();
    expect(windowNote(parseInvoiceFilters({ tab: "recent", to: "2026-10-01" }, usd, now))).toBeNull();
    expect(windowNote(parseInvoiceFilters({ tab: "open" }, usd, now))).toBeNull();
  });
});
