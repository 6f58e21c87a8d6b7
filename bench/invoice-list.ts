import { performance } from "node:perf_hooks";
import { sql, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { loadIdentity, type Viewer } from "@/lib/access/load-viewer";
import { createAccount } from "@/lib/accounts/create-account";
import { createUser } from "@/lib/accounts/create-user";
import { addDays, isoDateInZone } from "@/lib/dates";
import { pageRequestOf, parseInvoiceFilters, type ListFilters, type RawFilters } from "@/lib/invoices/filters";
import { invoiceRowsQuery } from "@/lib/invoices/invoice-list-query";
import { fetchOpenInvoiceRows, IS_OPEN, listOpenInvoices } from "@/lib/invoices/list-open-invoices";
import { fetchRecentInvoiceRows, listRecentInvoices } from "@/lib/invoices/list-recent-invoices";
import { fetchRecentPaymentRows, listRecentPayments, paymentRowsQuery } from "@/lib/payments/list-recent-payments";
import { decodeCursor } from "@/lib/pagination/cursor";
import type { PageRequest } from "@/lib/pagination/keyset";
import { benchTabAtScale } from "./invoice-tab-scale";
import { seedBenchInvoices } from "./seed-invoices";

// Times page 1 and page 2000 (reached by cursor, 25 rows a page) of each list through the same
// lib/ functions the screen calls, on one account with 100 000 invoices. Keyset pagination
// should make the deep page cost what page 1 costs; the EXPLAIN shows the index doing it.

const INVOICES = 100_000;
const DEEP_PAGE = 2000;

type Page = { rows: { id: string }[]; nextCursor: string | null };
type Query = { getSQL(): SQL; offset(n: number): PromiseLike<{ id: string }[]> };
type Bench = {
  name: string;
  params: RawFilters;
  fetch: (viewer: Viewer, filters: ListFilters, now: Date, request: PageRequest) => Promise<Page>;
  list: (viewer: Viewer, filters: ListFilters, now: Date) => Promise<unknown>;
  query: (db: Database, viewer: Viewer, filters: ListFilters, now: Date, request: PageRequest) => Query;
};

const BENCHES: Bench[] = [
  {
    name: "Recent Invoices (all dates, newest first)",
    params: { tab: "recent", from: "" },
    fetch: fetchRecentInvoiceRows,
    list: listRecentInvoices,
    query: (db, viewer, filters, now, request) => invoiceRowsQuery(db, viewer, filters, now, null, request, "issue_date"),
  },
  {
    name: "Open Invoices (oldest due first)",
    params: { tab: "open" },
    fetch: fetchOpenInvoiceRows,
    list: listOpenInvoices,
    query: (db, viewer, filters, now, request) => invoiceRowsQuery(db, viewer, filters, now, IS_OPEN, request, "due_date"),
  },
  {
    name: "Recent Payments (all dates, newest first)",
    params: { tab: "payments", from: "" },
    fetch: fetchRecentPaymentRows,
    list: listRecentPayments,
    query: (db, viewer, filters, _now, request) => paymentRowsQuery(db, viewer, filters, request),
  },
];

// Medians of `times` runs of each, interleaved so that load from elsewhere hits both alike.
export async function compare(times: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  await a(); // warm the plans and the cache
  await b();
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < times; i++) {
    for (const [k, run] of [a, b].entries()) {
      const start = performance.now();
      await run();
      samples[k].push(performance.now() - start);
    }
  }
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)];
  return [median(samples[0]), median(samples[1])];
}

// The database's own execution time for a query (EXPLAIN ANALYZE), without the round trip.
async function executionMs(db: Database, query: Query): Promise<number> {
  const result = await db.execute(sql`explain (analyze, format json) ${query.getSQL()}`);
  const cell = Object.values((result as unknown as { rows: Record<string, unknown>[] }).rows[0])[0];
  const plan = (typeof cell === "string" ? JSON.parse(cell) : cell) as { "Execution Time": number }[];
  return plan[0]["Execution Time"];
}

export async function createBenchViewer(db: Database, now: Date, slug = "bench"): Promise<{ viewer: Viewer; today: string; upgradeDay: string }> {
  const today = isoDateInZone(now, "UTC");
  const upgradeDay = addDays(today, -2920);
  const { account, roleIds } = await createAccount(db, {
    slug,
    name: "Bench Corp",
    currency: "USD",
    timeZone: "UTC",
    invoiceGeneration: 4,
    upgradedAt: new Date(`${upgradeDay}T00:00:00Z`),
  });
  const user = await createUser(db, {
    accountId: account.id,
    email: `${slug}@bench.example`,
    name: "Bench",
    passwordHash: null,
    roleIds: [roleIds.billing_manager],
  });
  const viewer = await loadIdentity(db, user.id);
  if (viewer?.kind !== "customer") throw new Error("bench viewer missing");
  return { viewer, today, upgradeDay };
}

const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);

export async function benchInvoiceList(driver: "pg" | "pglite"): Promise<void> {
  const db = await getDb();
  const now = new Date();
  const { viewer, today, upgradeDay } = await createBenchViewer(db, now);
  const seedStart = performance.now();
  await seedBenchInvoices(db, viewer.accountId, today, upgradeDay, INVOICES);
  console.log(
    `\nInvoice lists — ${driver === "pg" ? "PostgreSQL via pg" : "PGlite in memory"}, ${INVOICES.toLocaleString("en-US")} invoices in one account (set-based seed: ${((performance.now() - seedStart) / 1000).toFixed(1)} s)`,
  );
  console.log(`Page size 25; page ${DEEP_PAGE} reached by following Next cursors; medians. Database time is EXPLAIN ANALYZE's execution time.`);

  for (const bench of BENCHES) {
    const first = parseInvoiceFilters(bench.params, viewer.account, now);
    const walkStart = performance.now();
    let page = await bench.fetch(viewer, first, now, pageRequestOf(first));
    for (let n = 2; n < DEEP_PAGE; n++) page = await bench.fetch(viewer, first, now, { cursor: decodeCursor(page.nextCursor), direction: "after", limit: 25 });
    const walkMs = (performance.now() - walkStart) / (DEEP_PAGE - 1);
    if (!page.nextCursor) throw new Error(`${bench.name}: fewer than ${DEEP_PAGE} pages`);
    const deep = parseInvoiceFilters({ ...bench.params, after: page.nextCursor }, viewer.account, now);

    // The deep page must hold exactly the rows OFFSET would give (checked once, here only).
    const deepRows = (await bench.fetch(viewer, deep, now, pageRequestOf(deep))).rows;
    const [byOffset] = await bench.query(db, viewer, first, now, { cursor: null, direction: "after", limit: 0 }).offset((DEEP_PAGE - 1) * 25);
    if (deepRows[0]?.id !== byOffset?.id) throw new Error(`${bench.name}: page ${DEEP_PAGE} does not start where OFFSET says`);

    const [rows1, rowsDeep] = await compare(
      41,
      () => bench.fetch(viewer, first, now, pageRequestOf(first)),
      () => bench.fetch(viewer, deep, now, pageRequestOf(deep)),
    );
    const [list1, listDeep] = await compare(
      11,
      () => bench.list(viewer, first, now),
      () => bench.list(viewer, deep, now),
    );
    const explained: [number[], number[]] = [[], []];
    for (let i = 0; i < 11; i++) {
      explained[0].push(await executionMs(db, bench.query(db, viewer, first, now, pageRequestOf(first))));
      explained[1].push(await executionMs(db, bench.query(db, viewer, deep, now, pageRequestOf(deep))));
    }
    const [db1, dbDeep] = explained.map((v) => v.sort((x, y) => x - y)[5]);
    const line = (label: string, a: number, b: number) => `  ${label.padEnd(30)} page 1 ${ms(a)}   page ${DEEP_PAGE} ${ms(b)}   ratio ${(b / a).toFixed(2)}×`;
    console.log(`\n${bench.name}`);
    console.log(line("page query, database time", db1, dbDeep));
    console.log(line("page query, lib function", rows1, rowsDeep));
    console.log(line("whole tab (page+count+total)", list1, listDeep));
    console.log(`  walking pages 2…${DEEP_PAGE - 1} by cursor: ${walkMs.toFixed(2)} ms a page on average`);

    const plan = await db.execute(sql`explain (analyze, buffers, costs off) ${bench.query(db, viewer, deep, now, pageRequestOf(deep)).getSQL()}`);
    const lines = (plan as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]);
    console.log(`  EXPLAIN ANALYZE of page ${DEEP_PAGE}:\n${lines.map((l) => `    ${l}`).join("\n")}`);
  }

  await benchTabAtScale(db, now, driver);
}
