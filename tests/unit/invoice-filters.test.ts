import { describe, expect, it } from "vitest";
import { parseInvoiceFilters, hasActiveFilters } from "@/lib/invoices/filters";
import { filtersToSearchParams, sortHref } from "@/lib/invoices/filter-url";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";

const usd = { timeZone: "America/New_York", currency: "USD" };
// 02:00 UTC on Nov 25 is still Nov 24 in New York.
const now = new Date("2026-11-25T02:00:00Z");

describe("parseInvoiceFilters", () => {
  it("gives each tab its defaults when the URL is empty", () => {
    expect(parseInvoiceFilters({}, usd, now)).toMatchObject({
      tab: "open",
      from: null,
      to: null,
      statuses: [],
      q: "",
      sort: "due_date",
      dir: "asc",
      size: 25,
      cursor: null,
    });
    expect(parseInvoiceFilters({ tab: "recent" }, usd, now)).toMatchObject({ from: "2025-11-24", defaultFrom: "2025-11-24", sort: "issue_date", dir: "desc" });
    expect(parseInvoiceFilters({ tab: "payments" }, usd, now)).toMatchObject({ from: "2025-11-24", sort: "received_on", dir: "desc" });
  });

  it("falls back to defaults on garbage instead of failing", () => {
    const filters = parseInvoiceFilters(
      {
        tab: "drop table",
        from: "2026-02-30",
        to: "yesterday",
        status: ["paid", "<script>"],
        q: ["  ACME  ", "x"],
        min: "abc",
        max: "1e9",
        sort: "password_hash",
        dir: "sideways",
        size: "1000",
        after: "%%%",
      },
      usd,
      now,
    );
    expect(filters).toMatchObject({
      tab: "open",
      from: null,
      to: null,
      statuses: [],
      q: "ACME",
      minMinor: null,
      maxMinor: null,
      sort: "due_date",
      dir: "asc",
      size: 25,
      cursor: null,
    });
  });

  it("reads every filter of a tab", () => {
    const filters = parseInvoiceFilters(
      {
        tab: "recent",
        from: "2026-01-01",
        to: "2026-06-30",
        status: ["paid", "void", "paid"],
        q: "ACME-10",
        min: "10.5",
        max: "2000",
        sort: "total",
        dir: "asc",
        size: "100",
      },
      usd,
      now,
    );
    expect(filters).toMatchObject({
      from: "2026-01-01",
      to: "2026-06-30",
      statuses: ["paid", "void"],
      q: "ACME-10",
      minMinor: 1050,
      maxMinor: 200000,
      sort: "total",
      dir: "asc",
      size: 100,
    });
    expect(hasActiveFilters(filters)).toBe(true);
  });

  it("treats an emptied date field as no bound, and swaps reversed ranges", () => {
    expect(parseInvoiceFilters({ tab: "recent", from: "" }, usd, now).from).toBeNull();
    expect(parseInvoiceFilters({ tab: "recent", from: "2026-05-01", to: "2026-01-01", min: "50", max: "5" }, usd, now)).toMatchObject({
      from: "2026-01-01",
      to: "2026-05-01",
      minMinor: 500,
      maxMinor: 5000,
    });
  });

  it("refuses amounts with more decimals than the currency has, and negative ones", () => {
    expect(parseInvoiceFilters({ min: "1.234", max: "-5" }, usd, now)).toMatchObject({ minMinor: null, maxMinor: null });
    expect(parseInvoiceFilters({ min: "1500" }, { timeZone: "Asia/Tokyo", currency: "JPY" }, now).minMinor).toBe(1500);
  });

  it("keeps only the statuses and sorts that apply to the tab", () => {
    expect(parseInvoiceFilters({ tab: "open", status: ["past_due", "paid"], sort: "paid" }, usd, now)).toMatchObject({
      statuses: ["past_due"],
      sort: "due_date",
    });
    expect(parseInvoiceFilters({ tab: "payments", status: ["refunded", "open"] }, usd, now).statuses).toEqual(["refunded"]);
  });

  it("accepts a cursor only for the sort it was made for, with a value of the right type", () => {
    const id = "3f2b8f7e-8c1a-4d8e-9b1e-2a4c6e8f0a1b";
    const good = encodeCursor({ sort: "issue_date", dir: "desc", value: "2026-03-01", id });
    expect(parseInvoiceFilters({ tab: "recent", after: good }, usd, now).cursor).toEqual({
      direction: "after",
      at: { sort: "issue_date", dir: "desc", value: "2026-03-01", id },
    });
    expect(parseInvoiceFilters({ tab: "recent", before: good }, usd, now).cursor?.direction).toBe("before");
    expect(parseInvoiceFilters({ tab: "recent", sort: "total", after: good }, usd, now).cursor).toBeNull();
    const badDate = encodeCursor({ sort: "issue_date", dir: "desc", value: "2026-13-01", id });
    expect(parseInvoiceFilters({ tab: "recent", after: badDate }, usd, now).cursor).toBeNull();
    const badAmount = encodeCursor({ sort: "total", dir: "desc", value: "1; drop", id });
    expect(parseInvoiceFilters({ tab: "recent", sort: "total", after: badAmount }, usd, now).cursor).toBeNull();
  });
});

describe("cursors", () => {
  it("round-trip through an opaque URL-safe token", () => {
    const cursor = { sort: "number", dir: "asc" as const, value: "ACME-1001 ü/+", id: "3f2b8f7e-8c1a-4d8e-9b1e-2a4c6e8f0a1b" };
    const token = encodeCursor(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token)).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, value: 12_345 }))).toEqual({ ...cursor, value: 12_345 });
  });

  it("decode anything malformed to null", () => {
    for (const token of ["", "not base64!", Buffer.from("{}").toString("base64url"), Buffer.from('["s","asc",1,"not-a-uuid"]').toString("base64url"), "A".repeat(500)]) {
      expect(decodeCursor(token)).toBeNull();
    }
  });
});

describe("filter URLs", () => {
  it("leave defaults out and keep everything else", () => {
    const defaults = parseInvoiceFilters({ tab: "recent" }, usd, now);
    expect(filtersToSearchParams(defaults, "USD").toString()).toBe("tab=recent");
    const custom = parseInvoiceFilters({ tab: "recent", from: "", status: ["paid"], min: "10", size: "50" }, usd, now);
    expect(filtersToSearchParams(custom, "USD").toString()).toBe("tab=recent&from=&status=paid&min=10.00&size=50");
  });

  it("flip the direction of the current sort column and start others at their natural one", () => {
    const filters = parseInvoiceFilters({ tab: "recent" }, usd, now);
    expect(sortHref(filters, "USD", "issue_date")).toBe("/account/invoices?tab=recent&sort=issue_date&dir=asc");
    expect(sortHref(filters, "USD", "number")).toBe("/account/invoices?tab=recent&sort=number&dir=desc");
  });
});
