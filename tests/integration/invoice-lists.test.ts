import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/load-viewer";
import { addDays } from "@/lib/dates";
import { parseInvoiceFilters, type RawFilters } from "@/lib/invoices/filters";
import { fetchOpenInvoiceRows, listOpenInvoices, summarizeOpenInvoices } from "@/lib/invoices/list-open-invoices";
import { fetchRecentInvoiceRows, listRecentInvoices, summarizeRecentInvoices } from "@/lib/invoices/list-recent-invoices";
import { getTabSummaries } from "@/lib/invoices/tab-summaries";
import { summarizeRecentPayments } from "@/lib/payments/list-recent-payments";
import { decodeCursor, type PageDirection } from "@/lib/pagination/cursor";
import { createTestAccount, createTestInvoice, createTestPayment, createTestUser, type TestAccount } from "../support/factories";

const now = new Date("2026-11-25T15:00:00Z");
const filtersFor = (viewer: Viewer, params: RawFilters) => parseInvoiceFilters(params, viewer.account, now);
const line = (unitPriceMinor: number) => [{ description: "Hosting", quantity: "1", unitPriceMinor, taxRateBp: 0 }];

let account: TestAccount;
let viewer: Viewer;
let other: Viewer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  account = await createTestAccount();
  viewer = (await createTestUser(account, ["billing_manager"])).viewer;
  other = (await createTestUser(await createTestAccount(), ["account_admin"])).viewer;
  // [number, issue date, due date, total, what happens to it]
  const specs: [string, string, string, number, "open" | "paid" | "partial" | "void"][] = [
    ["A-01", "2026-11-20", "2026-12-20", 10_000, "open"], // not yet due
    ["A-02", "2026-10-01", "2026-10-31", 20_000, "open"], // 25 days past due
    ["A-03", "2026-10-01", "2026-11-24", 30_000, "partial"], // 1 day past due, half paid
    ["A-04", "2026-09-01", "2026-10-01", 40_000, "paid"],
    ["A-05", "2026-08-01", "2026-08-31", 50_000, "void"],
    ["A-06", "2026-10-01", "2026-10-31", 5_000, "paid"], // same day as: ties on issue date
    ["A-07", "2025-06-01", "2025-07-01", 70_000, "open"], // older than 12 months, still open
  ];
  for (const [number, issueDate, dueDate, total, fate] of specs) {
    const invoice = await createTestInvoice(account, {
      number,
      issueDate,
      dueDate,
      periodStart: addDays(issueDate, -30),
      periodEnd: addDays(issueDate, -1),
      lines: line(total),
    });
    ids[number] = invoice.id;
    if (fate === "paid") await createTestPayment(account, { amountMinor: total, allocations: [{ invoiceId: invoice.id, amountMinor: total }] });
    if (fate === "partial") await createTestPayment(account, { amountMinor: total / 2, allocations: [{ invoiceId: invoice.id, amountMinor: total / 2 }] });
    if (fate === "void") {
      const { voidInvoice } = await import("@/lib/invoices/void-invoice");
      const { getDb } = await import("@/db/client");
      await voidInvoice(await getDb(), invoice.id, "test", { kind: "system", label: "test" });
    }
  }
});

const numbers = (rows: { number: string }[]) => rows.map((r) => r.number);

describe("Recent Invoices", () => {
  it("lists the last 12 months newest first, with count and billed total (void adds nothing)", async () => {
    const list = await listRecentInvoices(viewer, filtersFor(viewer, { tab: "recent" }), now);
    expect(numbers(list.rows)).toEqual(["A-01", "A-06", "A-03", "A-02", "A-04", "A-05"].sort((a, b) => order(a, b)));
    expect(list.count).toBe(6);
    expect(list.totalMinor).toBe(BigInt(10_000 + 20_000 + 30_000 + 40_000 + 5_000));
    expect(list.nextCursor).toBeNull();
    expect(list.prevCursor).toBeNull();
  });

  it("shows older invoices once the date window is cleared", async () => {
    const list = await listRecentInvoices(viewer, filtersFor(viewer, { tab: "recent", from: "" }), now);
    expect(list.count).toBe(7);
    expect(numbers(list.rows).at(-1)).toBe("A-07");
  });

  it("filters by status (in words, today in the account's zone), text, amount and date", async () => {
    const by = async (params: RawFilters) =>
      numbers((await listRecentInvoices(viewer, filtersFor(viewer, { tab: "recent", from: "", sort: "number", dir: "asc", ...params }), now)).rows);
    expect(await by({ status: "past_due" })).toEqual(["A-02", "A-03", "A-07"]);
    expect(await by({ status: ["open", "void"] })).toEqual(["A-01", "A-05"]);
    expect(await by({ status: "paid" })).toEqual(["A-04", "A-06"]);
    expect(await by({ q: "a-0" })).toHaveLength(7);
    expect(await by({ q: "A-06" })).toEqual(["A-06"]);
    expect(await by({ q: "%" })).toEqual([]);
    expect(await by({ min: "200", max: "400.00" })).toEqual(["A-02", "A-03", "A-04"]);
    expect(await by({ from: "2026-10-01", to: "2026-10-01" })).toEqual(["A-02", "A-03", "A-06"]);
  });

  it("sorts by each whitelisted column in both directions", async () => {
    const by = async (sort: string, dir: string) => numbers((await listRecentInvoices(viewer, filtersFor(viewer, { tab: "recent", from: "", sort, dir }), now)).rows);
    expect(await by("total", "desc")).toEqual(["A-07", "A-05", "A-04", "A-03", "A-02", "A-01", "A-06"]);
    // Paid and void invoices owe nothing: they tie on 0 and break the tie by number.
    expect(await by("balance", "desc")).toEqual(["A-07", "A-02", "A-03", "A-01", "A-06", "A-05", "A-04"]);
    expect(await by("number", "asc")).toEqual(["A-01", "A-02", "A-03", "A-04", "A-05", "A-06", "A-07"]);
    expect(await by("due_date", "asc")).toEqual(["A-07", "A-05", "A-04", "A-02", "A-06", "A-03", "A-01"].sort((a, b) => dueOrder(a, b)));
  });

  it("breaks ties on one date by invoice number, also across page boundaries (issue 13 item 11)", async () => {
    // were all issued on 2026-10-01, inserted in that order (ids are random).
    const sameDay = (dir: string) => filtersFor(viewer, { tab: "recent", from: "2026-10-01", to: "2026-10-01", dir });
    expect(numbers((await listRecentInvoices(viewer, sameDay("desc"), now)).rows)).toEqual(["A-06", "A-03", "A-02"]);
    expect(numbers((await listRecentInvoices(viewer, sameDay("asc"), now)).rows)).toEqual(["A-02", "A-03", "A-06"]);
    // One row a page: each cursor sits inside the tie, and the walk still finds every row once.
    const pages = await walk((cursor, direction) => fetchRecentInvoiceRows(viewer, sameDay("desc"), now, { cursor, direction, limit: 1 }));
    expect(pages.forward.flat()).toEqual(["A-06", "A-03", "A-02"]);
    expect(pages.backward).toEqual(pages.forward.slice(0, -1).reverse());
    // The cursor carries the number; one made before the tie-break (no number) restarts at page one.
    const first = await fetchRecentInvoiceRows(viewer, sameDay("desc"), now, { cursor: null, direction: "after", limit: 1 });
    const cursor = decodeCursor(first.nextCursor)!;
    expect(cursor.tie).toBe("A-06");
    const legacy = { ...cursor, tie: undefined };
    const restarted = await fetchRecentInvoiceRows(viewer, sameDay("desc"), now, { cursor: legacy, direction: "after", limit: 1 });
    expect(numbers(restarted.rows)).toEqual(["A-06"]);
  });

  it("walks keyset pages forward and back and returns exactly the right rows", async () => {
    for (const [sort, dir] of [
      ["issue_date", "desc"],
      ["issue_date", "asc"],
      ["total", "asc"],
      ["number", "desc"],
      ["balance", "desc"],
    ]) {
      const filters = filtersFor(viewer, { tab: "recent", from: "", sort, dir });
      const all = numbers((await fetchRecentInvoiceRows(viewer, filters, now, { cursor: null, direction: "after", limit: 100 })).rows);
      expect(all).toHaveLength(7);
      const pages = await walk((cursor, direction) => fetchRecentInvoiceRows(viewer, filters, now, { cursor, direction, limit: 2 }));
      expect(pages.forward.flat()).toEqual(all);
      expect(pages.backward).toEqual(pages.forward.slice(0, -1).reverse());
    }
  });

  it("moves between pages of the screen through the cursors in the URL", async () => {
    const page1 = await listRecentInvoices(viewer, filtersFor(viewer, { tab: "recent", from: "" }), now);
    expect(page1.rows).toHaveLength(7);
    // 7 rows at 25 a page is one page; use the lower-level function for a short page size.
    const filters = filtersFor(viewer, { tab: "recent", from: "" });
    const first = await fetchRecentInvoiceRows(viewer, filters, now, { cursor: null, direction: "after", limit: 3 });
    const next = filtersFor(viewer, { tab: "recent", from: "", after: first.nextCursor! });
    expect(next.cursor?.direction).toBe("after");
    const second = await listRecentInvoices(viewer, next, now);
    expect(numbers(second.rows)).toEqual(numbers(page1.rows).slice(3));
    expect(second.count).toBe(7);
    expect(second.nextCursor).toBeNull();
    const back = await fetchRecentInvoiceRows(viewer, filtersFor(viewer, { tab: "recent", from: "", before: second.prevCursor! }), now, {
      cursor: decodeCursor(second.prevCursor),
      direction: "before",
      limit: 3,
    });
    expect(numbers(back.rows)).toEqual(numbers(first.rows));
    expect(back.prevCursor).toBeNull();
  });

  it("gives another account's viewer nothing", async () => {
    const list = await listRecentInvoices(other, filtersFor(other, { tab: "recent", from: "" }), now);
    expect(list).toMatchObject({ rows: [], count: 0, totalMinor: 0n });
  });
});

describe("Open Invoices", () => {
  it("lists invoices with a balance due, oldest due first, with the balance-due total", async () => {
    const list = await listOpenInvoices(viewer, filtersFor(viewer, { tab: "open" }), now);
    expect(numbers(list.rows)).toEqual(["A-07", "A-02", "A-03", "A-01"]);
    expect(list.count).toBe(4);
    expect(list.totalMinor).toBe(BigInt(70_000 + 20_000 + 15_000 + 10_000));
    expect(list.rows.find((r) => r.number === "A-03")).toMatchObject({ totalMinor: 30_000, paidMinor: 15_000, balanceMinor: 15_000 });
  });

  it("filters past due from not yet due and sorts by balance", async () => {
    const pastDue = await listOpenInvoices(viewer, filtersFor(viewer, { tab: "open", status: "past_due", sort: "balance" }), now);
    expect(numbers(pastDue.rows)).toEqual(["A-07", "A-02", "A-03"]);
    expect(pastDue.totalMinor).toBe(105_000n);
  });

  it("walks keyset pages both ways", async () => {
    const filters = filtersFor(viewer, { tab: "open" });
    const pages = await walk((cursor, direction) => fetchOpenInvoiceRows(viewer, filters, now, { cursor, direction, limit: 1 }));
    expect(pages.forward.flat()).toEqual(["A-07", "A-02", "A-03", "A-01"]);
    expect(pages.backward).toEqual(pages.forward.slice(0, -1).reverse());
  });

  it("gives another account's viewer nothing", async () => {
    expect(await listOpenInvoices(other, filtersFor(other, { tab: "open" }), now)).toMatchObject({ rows: [], count: 0, totalMinor: 0n });
  });
});

// Walks forward with Next until the end, then back with Previous to the start; returns the pages' numbers.
async function walk(
  fetch: (cursor: ReturnType<typeof decodeCursor>, direction: PageDirection) => Promise<{ rows: { number: string }[]; nextCursor: string | null; prevCursor: string | null }>,
) {
  const forward: string[][] = [];
  let page = await fetch(null, "after");
  expect(page.prevCursor).toBeNull();
  forward.push(numbers(page.rows));
  while (page.nextCursor) {
    page = await fetch(decodeCursor(page.nextCursor), "after");
    forward.push(numbers(page.rows));
  }
  const backward: string[][] = [];
  while (page.prevCursor) {
    page = await fetch(decodeCursor(page.prevCursor), "before");
    backward.push(numbers(page.rows));
  }
  return { forward, backward };
}

// Expected orders, written out from the fixtures above.
const ISSUE: Record<string, string> = {
  "A-01": "2026-11-20",
  "A-02": "2026-10-01",
  "A-03": "2026-10-01",
  "A-04": "2026-09-01",
  "A-05": "2026-08-01",
  "A-06": "2026-10-01",
  "A-07": "2025-06-01",
};
const DUE: Record<string, string> = {
  "A-01": "2026-12-20",
  "A-02": "2026-10-31",
  "A-03": "2026-11-24",
  "A-04": "2026-10-01",
  "A-05": "2026-08-31",
  "A-06": "2026-10-31",
  "A-07": "2025-07-01",
};
// Equal dates are broken by invoice number, in the sort's direction (issue 13 item 11).
function order(a: string, b: string) {
  return ISSUE[b].localeCompare(ISSUE[a]) || b.localeCompare(a);
}
function dueOrder(a: string, b: string) {
  return DUE[a].localeCompare(DUE[b]) || a.localeCompare(b);
}

describe("Tab summaries", () => {
  // One statement answers both invoice tabs and the visible count; each must equal its own query.
  it("equal each tab's own summary and count every visible invoice", async () => {
    const tabs = await getTabSummaries(viewer, now);
    expect(tabs.summaries.open).toEqual(await summarizeOpenInvoices(viewer, filtersFor(viewer, { tab: "open" }), now));
    expect(tabs.summaries.recent).toEqual(await summarizeRecentInvoices(viewer, filtersFor(viewer, { tab: "recent" }), now));
    expect(tabs.summaries.payments).toEqual(await summarizeRecentPayments(viewer, filtersFor(viewer, { tab: "payments" })));
    expect(tabs.summaries.open).toEqual({ count: 4, totalMinor: BigInt(10_000 + 20_000 + 15_000 + 70_000) });
    expect(tabs.summaries.recent).toEqual({ count: 6, totalMinor: BigInt(10_000 + 20_000 + 30_000 + 40_000 + 5_000) });
    expect(tabs.hasInvoices).toBe(true);
  });

  it("say an account with no visible invoice has none, and count nothing of another account", async () => {
    const tabs = await getTabSummaries(other, now);
    expect(tabs.hasInvoices).toBe(false);
    expect(tabs.summaries.open).toEqual({ count: 0, totalMinor: 0n });
    expect(tabs.summaries.recent).toEqual({ count: 0, totalMinor: 0n });
  });
});
