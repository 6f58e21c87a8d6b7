import { describe, expect, it } from "vitest";
import { canonicalListHref } from "@/lib/invoices/filter-url";
import { parseInvoiceFilters, type RawFilters } from "@/lib/invoices/filters";
import { encodeCursor } from "@/lib/pagination/cursor";

const usd = { timeZone: "America/New_York", currency: "USD" };
// 02:00 UTC on Nov 25 is still Nov 24 in New York: the default window starts 2025-11-24.
const now = new Date("2026-11-25T02:00:00Z");
const canonical = (raw: RawFilters) => canonicalListHref(raw, parseInvoiceFilters(raw, usd, now), "USD");

describe("canonicalListHref (issue 13 item 11)", () => {
  it("drops what the filter form submits empty, the default window and the default page size", () => {
    expect(canonical({ tab: "recent", from: "2025-11-24", to: "", q: "", min: "", max: "", size: "25" })).toBe("/account/invoices?tab=recent");
    expect(canonical({ tab: "recent", from: "2025-11-24", to: "", q: "10", min: "", max: "", size: "50" })).toBe("/account/invoices?tab=recent&q=10&size=50");
    expect(canonical({ tab: "open", from: "", q: " " })).toBe("/account/invoices?tab=open");
  });

  it("keeps an empty from on a windowed tab (it means every date) and chosen values", () => {
    expect(canonical({ tab: "recent", from: "", to: "" })).toBe("/account/invoices?tab=recent&from=");
    expect(canonical({ tab: "recent", from: "" })).toBeNull();
    expect(canonical({ tab: "recent", from: "2024-01-01", status: ["paid"], min: "10.00" })).toBeNull();
    expect(canonical({ tab: "payments" })).toBeNull();
  });

  it("keeps the page a valid cursor points at", () => {
    const after = encodeCursor({ sort: "issue_date", dir: "desc", value: "2026-10-01", id: "00000000-0000-4000-8000-000000000001", tie: "A-03" });
    expect(canonical({ tab: "recent", after })).toBeNull();
    expect(canonical({ tab: "recent", after, q: "" })).toBe(`/account/invoices?tab=recent&after=${after}`);
  });
});
