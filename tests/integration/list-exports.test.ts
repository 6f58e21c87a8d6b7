import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { addDays } from "@/lib/dates";
import { exportInvoiceListCsv, exportScopeCounts } from "@/lib/invoices/export-lists";
import { parseInvoiceFilters, type ListFilters, type RawFilters, type Tab } from "@/lib/invoices/filters";
import { fetchOpenInvoiceRows, listOpenInvoices } from "@/lib/invoices/list-open-invoices";
import { fetchRecentInvoiceRows, listRecentInvoices } from "@/lib/invoices/list-recent-invoices";
import { EXPORT_SCOPES, exportHref, type ExportScope } from "@/lib/invoices/list-export-request";
import { fetchRecentPaymentRows, listRecentPayments } from "@/lib/payments/list-recent-payments";
import { createTestAccount, createTestInvoice, createTestPayment, createTestUser, type TestAccount } from "../support/factories";
import { csvObjects, parseCsv } from "../support/parse-csv";

const now = new Date("2026-11-25T15:00:00Z");
const origin = { ip: "198.51.100.4", userAgent: "vitest" };
const DANGEROUS = ['=HYPERLINK("http://x")', "+1", "@SUM(1)", "\t=1", 'say "hi"', "a,b", "line1\nline2", "-5"];

let account: TestAccount;
let viewer: Viewer;

beforeAll(async () => {
  account = await createTestAccount({ slug: "acme", timeZone: "America/New_York" });
  viewer = (await createTestUser(account, ["billing_manager"])).viewer;
  // 28 invoices, one every 20 days back from 2026-11-20: the oldest ones fall outside the
  // default 12-month window; every third one is paid.
  for (let i = 0; i < 28; i++) {
    const issueDate = addDays("2026-11-20", -20 * i);
    const total = 10_000 + i * 101;
    const invoice = await createTestInvoice(account, {
      number: `N-${String(i + 1).padStart(2, "0")}`,
      issueDate,
      dueDate: addDays(issueDate, 30),
      lines: [{ description: "Hosting", quantity: "1", unitPriceMinor: total, taxRateBp: 0 }],
    });
    if (i % 3 === 0) await createTestPayment(account, { amountMinor: total, receivedOn: addDays(issueDate, 5), allocations: [{ invoiceId: invoice.id, amountMinor: total }] });
  }
  for (const [i, reference] of DANGEROUS.entries()) await createTestPayment(account, { amountMinor: 1_000 + i, receivedOn: "2026-11-01", reference });
});

async function download(as: Viewer, params: Record<string, string>, delimiter = ",") {
  const response = await exportInvoiceListCsv(as, new URLSearchParams(params), origin, now, { batchSize: 4 });
  return { response, rows: csvObjects(await response.text(), delimiter) };
}

// The page query's rows for a scope: one page for Current Set, every page otherwise.
async function pageRows(tab: Tab, scope: ExportScope, raw: RawFilters): Promise<{ id: string; key: string }[]> {
  let filters: ListFilters = parseInvoiceFilters({ ...raw, tab }, viewer.account, now);
  if (scope === "all") filters = parseInvoiceFilters({ tab, from: "", sort: filters.sort, dir: filters.dir, size: "100" }, viewer.account, now);
  const key = (r: { number?: string; reference?: string; receivedOn?: string }) => r.number ?? `${r.receivedOn} ${r.reference}`;
  const list = { open: listOpenInvoices, recent: listRecentInvoices, payments: listRecentPayments }[tab];
  if (scope === "current") return (await list(viewer, filters, now)).rows.map((r) => ({ id: r.id, key: key(r) }));
  const fetch = { open: fetchOpenInvoiceRows, recent: fetchRecentInvoiceRows, payments: fetchRecentPaymentRows }[tab];
  const page = await fetch(viewer, { ...filters, cursor: null }, now, { cursor: null, direction: "after", limit: 1000 });
  return page.rows.map((r) => ({ id: r.id, key: key(r) }));
}

const csvKey = (tab: Tab, row: Record<string, string>) => (tab === "payments" ? `${row.Date} ${row.Reference.replace(/^'/, "")}` : row.Number);

describe("list exports", () => {
  // Page 2 of a narrowed, re-sorted view: the Current Set must be exactly that page.
  const views: Record<Tab, RawFilters> = {
    open: { q: "N-", sort: "total", dir: "desc" },
    recent: { from: "", status: ["open", "paid", "past_due"], sort: "number", dir: "asc" }, // 28 rows: two pages
    payments: { min: "10", sort: "amount", dir: "asc" },
  };

  for (const tab of ["open", "recent", "payments"] as const) {
    for (const scope of EXPORT_SCOPES) {
      it(`${tab} × ${scope} holds the page query's rows, in its order`, async () => {
        const first = await { open: listOpenInvoices, recent: listRecentInvoices, payments: listRecentPayments }[tab](
          viewer,
          parseInvoiceFilters({ ...views[tab], tab }, viewer.account, now),
          now,
        );
        // Page 2 when there is one, so the cursor is part of what the export must honour.
        const href = exportHref(parseInvoiceFilters({ ...views[tab], tab, after: first.nextCursor ?? undefined }, viewer.account, now), "USD", scope);
        const params = Object.fromEntries(new URL(href, "http://x").searchParams);
        const expected = await pageRows(tab, scope, params);
        const { response, rows } = await download(viewer, params);
        expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        expect(response.headers.get("cache-control")).toBe("no-store");
        expect(response.headers.get("x-accel-buffering")).toBe("no");
        expect(response.headers.get("content-disposition")).toBe(
          `attachment; filename="acme-${{ open: "open-invoices", recent: "recent-invoices", payments: "recent-payments" }[tab]}-2026-11-25.csv"`,
        );
        expect(rows.map((r) => csvKey(tab, r))).toEqual(expected.map((r) => r.key));
        if (tab === "recent") expect(first.nextCursor).not.toBeNull();
        if (tab === "recent" && scope === "current") expect(rows.length).toBeLessThan(25);
        expect(rows.length).toBeGreaterThan(0);
      });
    }
  }

  it("tells the scopes apart: All ignores the 12-month window, Filtered keeps it", async () => {
    const recent = parseInvoiceFilters({ tab: "recent" }, viewer.account, now);
    const counts = await exportScopeCounts(viewer, recent, { rows: 25, matching: 19 }, now);
    expect(counts.all).toBe(28);
    expect((await download(viewer, { tab: "recent", scope: "all" })).rows).toHaveLength(28);
    expect((await download(viewer, { tab: "recent", scope: "filtered" })).rows).toHaveLength(19);
    expect((await download(viewer, { tab: "recent", scope: "current" })).rows).toHaveLength(19);
  });

  it("writes screen columns plus currency, ISO dates and plain decimals, and an audit event", async () => {
    const bytes = Buffer.from(await (await exportInvoiceListCsv(viewer, new URLSearchParams({ tab: "open", scope: "filtered", q: "N-02" }), origin, now)).arrayBuffer());
    const body = bytes.toString("utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.startsWith("\uFEFFNumber,Invoice date,Due date,Days past due,Status,Total,Balance due,Currency\r\n")).toBe(true);
    expect(body.split("\r\n")[1]).toBe("N-02,2026-10-31,2026-11-30,0,Open,101.01,101.01,USD");
    const events = await (
      await getDb()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.account.id), eq(auditEvents.action, "invoices.exported")));
    expect(events.at(-1)).toMatchObject({
      actorUserId: viewer.userId,
      details: { tab: "open", scope: "filtered", delimiter: "comma", rowCount: 1, completed: true },
      ip: origin.ip,
    });
  });

  it("stops at the next batch when the client goes away, and records the export as cut short", async () => {
    const response = await exportInvoiceListCsv(viewer, new URLSearchParams({ tab: "recent", scope: "all" }), origin, now, { batchSize: 4 });
    const reader = response.body!.getReader();
    await reader.read(); // the header
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first.split("\r\n").filter(Boolean)).toHaveLength(4);
    await reader.cancel();
    const events = await (
      await getDb()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.account.id), eq(auditEvents.action, "invoices.exported")));
    // The batch that was written, not the 28 rows of the tab; the prefetched one never went out.
    expect(events.at(-1)).toMatchObject({ details: { tab: "recent", scope: "all", rowCount: 4, completed: false } });
  });

  it("uses the semicolon when asked", async () => {
    const body = await (await exportInvoiceListCsv(viewer, new URLSearchParams({ tab: "recent", scope: "filtered", q: "N-02", delimiter: "semicolon" }), origin, now)).text();
    expect(parseCsv(body, ";")[0]).toEqual(["Number", "Invoice date", "Due date", "Service period start", "Service period end", "Status", "Total", "Paid", "Balance", "Currency"]);
  });

  it("neutralises formula-like references and keeps everything else intact", async () => {
    const { rows } = await download(viewer, { tab: "payments", scope: "filtered", max: "10.07", min: "10" });
    const references = rows.map((r) => r.Reference).sort();
    const expected = DANGEROUS.map((d) => (/^[=+\-@\t]/.test(d) ? `'${d}` : d)).sort();
    expect(references).toEqual(expected);
    expect(rows.find((r) => r.Reference === "'-5")?.Amount).toBe("10.07");
  });

  it("refuses bad parameters and viewers without the permission", async () => {
    await expect(exportInvoiceListCsv(viewer, new URLSearchParams({ tab: "open", scope: "everything" }), origin, now)).rejects.toMatchObject({ code: "invalid" });
    const { viewer: reader } = await createTestUser(account, ["billing_viewer"]);
    await expect(exportInvoiceListCsv(reader, new URLSearchParams({ tab: "payments", scope: "all" }), origin, now)).rejects.toMatchObject({ code: "forbidden" });
    const { viewer: member } = await createTestUser(account, ["member"]);
    await expect(exportInvoiceListCsv(member, new URLSearchParams({ tab: "open", scope: "all" }), origin, now)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("gives another account's viewer none of these rows", async () => {
    const { viewer: stranger } = await createTestUser(await createTestAccount(), ["account_admin"]);
    for (const tab of ["open", "recent", "payments"]) expect((await download(stranger, { tab, scope: "all" })).rows).toEqual([]);
  });

  it("leaves hidden Generation 3 invoices out of All for a long-upgraded account", async () => {
    const upgraded = await createTestAccount({ invoiceGeneration: 4, upgradedAt: new Date(now.getTime() - 120 * 86_400_000) });
    const { viewer: owner } = await createTestUser(upgraded, ["account_admin"]);
    const gen3 = await createTestInvoice(upgraded, { generation: 3, number: "G3-1", issueDate: "2025-08-01", dueDate: "2025-08-31" });
    await createTestInvoice(upgraded, { generation: 4, number: "G4-1", issueDate: "2026-11-01", dueDate: "2026-12-01" });
    await createTestPayment(upgraded, { amountMinor: 500, reference: "P-1", allocations: [{ invoiceId: gen3.id, amountMinor: 500 }] });
    for (const tab of ["open", "recent"]) expect((await download(owner, { tab, scope: "all" })).rows.map((r) => r.Number)).toEqual(["G4-1"]);
    const [payment] = (await download(owner, { tab: "payments", scope: "all" })).rows;
    // The hidden invoice is named only as such, never by its number (issue 13 item 12: not blank).
    expect(payment).toMatchObject({ Reference: "P-1", "Applied to": "hidden Generation 3 invoices 5.00" });
    expect(payment["Applied to"]).not.toContain("G3-1");
  });
});
