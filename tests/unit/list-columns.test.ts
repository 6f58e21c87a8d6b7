import { describe, expect, it } from "vitest";
import { TAB_OPTIONS, TABS, type Tab } from "@/lib/invoices/filters";
import { csvColumnsOf, openInvoiceListColumns, paymentListColumns, recentInvoiceListColumns, sortLinksOf, tableColumns, type ListColumn } from "@/lib/invoices/list-columns";

const today = "2026-11-25";
const specs: Record<Tab, ListColumn<never>[]> = {
  open: openInvoiceListColumns(today),
  recent: recentInvoiceListColumns(today),
  payments: paymentListColumns(),
};

describe("one column spec per tab", () => {
  it.each(TABS)("%s: every sort the URL accepts has a column header, and every column sort is one the URL accepts", (tab) => {
    const sorts = specs[tab].flatMap((c) => (c.sort && c.table !== false ? [c.sort] : []));
    expect(sorts.sort()).toEqual(Object.keys(TAB_OPTIONS[tab].sorts).sort());
  });

  it.each(TABS)("%s: the phone's sort links are the same sorts, the default first", (tab) => {
    const links = sortLinksOf(tab, specs[tab]).map(([sort]) => sort);
    expect(links[0]).toBe(TAB_OPTIONS[tab].defaultSort);
    expect([...links].sort()).toEqual(Object.keys(TAB_OPTIONS[tab].sorts).sort());
  });

  it("the CSV has the screen's columns, in the screen's order, then Currency", () => {
    expect(csvColumnsOf(specs.open).map((c) => c.header)).toEqual([...tableColumns(specs.open).map((c) => c.header), "Currency"]);
    expect(csvColumnsOf(specs.payments).map((c) => c.header)).toEqual([...tableColumns(specs.payments).map((c) => c.header), "Currency"]);
    // The one column the CSV splits: the service period, into its two ISO days.
    expect(csvColumnsOf(specs.recent).map((c) => c.header)).toEqual([
      ...tableColumns(specs.recent).flatMap((c) => (c.id === "service_period" ? ["Service period start", "Service period end"] : [c.header])),
      "Currency",
    ]);
  });

  it("numeric columns are numbers in the CSV and only they are", () => {
    for (const tab of TABS) {
      const numeric = tableColumns(specs[tab])
        .filter((c) => !c.csv)
        .map((c) => Boolean(c.numeric));
      const csv = csvColumnsOf(tableColumns(specs[tab]).filter((c) => !c.csv))
        .slice(0, -1)
        .map((c) => c.kind === "number");
      expect(csv).toEqual(numeric);
    }
  });
});
