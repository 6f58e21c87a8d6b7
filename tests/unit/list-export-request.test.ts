import { describe, expect, it } from "vitest";
import { parseInvoiceFilters } from "@/lib/invoices/filters";
import { exportHref, listExportFilename, listExportSchema, rawFiltersOf, scopeFilters } from "@/lib/invoices/list-export-request";
import { minorToDecimalString } from "@/lib/money";
import { encodeCursor } from "@/lib/pagination/cursor";

const now = new Date("2026-11-26T03:00:00Z"); // still the 25th in New York
const context = { timeZone: "America/New_York", currency: "USD" };

describe("list export file name", () => {
  it("is <slug>-<tab>-<today in the account's zone>.csv", () => {
    expect(listExportFilename("acme", "open", now, "America/New_York")).toBe("acme-open-invoices-2026-11-25.csv");
    expect(listExportFilename("acme", "recent", now, "Europe/Berlin")).toBe("acme-recent-invoices-2026-11-26.csv");
    expect(listExportFilename("globex", "payments", now, "UTC")).toBe("globex-recent-payments-2026-11-26.csv");
  });
});

describe("list export amounts", () => {
  it("are plain decimals with the currency's own number of decimals", () => {
    expect(minorToDecimalString(-150, "JPY")).toBe("-150");
    expect(minorToDecimalString(0, "JPY")).toBe("0");
    expect(minorToDecimalString(-1, "EUR")).toBe("-0.01");
    expect(minorToDecimalString(5, "BHD")).toBe("0.005");
    expect(minorToDecimalString(-12_345, "KWD")).toBe("-12.345");
    expect(minorToDecimalString(900_719_925_474_099, "USD")).toBe("9007199254740.99");
  });
});

describe("list export scopes", () => {
  const cursor = encodeCursor({ sort: "issue_date", dir: "desc", value: "2026-01-01", id: "00000000-0000-4000-8000-000000000001" });
  const filters = parseInvoiceFilters({ tab: "recent", q: "N-", status: "paid", min: "5", after: cursor }, context, now);

  it("All drops every filter, the 12-month window and the cursor but keeps the sort", () => {
    const all = scopeFilters(filters, "all");
    expect(all).toMatchObject({ from: null, to: null, statuses: [], q: "", minMinor: null, maxMinor: null, cursor: null, sort: "issue_date", dir: "desc" });
  });

  it("Filtered keeps the filters and window, from the first page; Current keeps the page", () => {
    expect(scopeFilters(filters, "filtered")).toEqual({ ...filters, cursor: null });
    expect(scopeFilters(filters, "current")).toBe(filters);
  });

  it("links carry the page's query string, the scope and a non-default delimiter", () => {
    const current = new URL(exportHref(filters, "USD", "current", "semicolon"), "http://x");
    expect(current.pathname).toBe("/account/invoices/export");
    expect(rawFiltersOf(current.searchParams)).toEqual({ tab: "recent", status: "paid", q: "N-", min: "5.00", after: cursor, scope: "current", delimiter: "semicolon" });
    expect(new URL(exportHref(filters, "USD", "filtered"), "http://x").searchParams.has("after")).toBe(false);
  });

  it("refuse an unknown tab, scope or delimiter", () => {
    expect(listExportSchema.safeParse({ tab: "open", scope: "all" }).data).toEqual({ tab: "open", scope: "all", delimiter: "comma" });
    expect(listExportSchema.safeParse({ tab: "open", scope: "page" }).success).toBe(false);
    expect(listExportSchema.safeParse({ tab: "drafts", scope: "all" }).success).toBe(false);
    expect(listExportSchema.safeParse({ tab: "open", scope: "all", delimiter: "tab" }).success).toBe(false);
  });
});
