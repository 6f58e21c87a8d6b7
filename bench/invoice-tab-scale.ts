import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import type { Viewer } from "@/lib/access/load-viewer";
import { parseInvoiceFilters, type Tab } from "@/lib/invoices/filters";
import { listOpenInvoices } from "@/lib/invoices/list-open-invoices";
import { listRecentInvoices } from "@/lib/invoices/list-recent-invoices";
import { getTabSummaries } from "@/lib/invoices/tab-summaries";
import { listRecentPayments } from "@/lib/payments/list-recent-payments";
import { compare, createBenchViewer } from "./invoice-list";
import { seedBenchInvoices } from "./seed-invoices";

// Issue 14 item 4: the whole tab (its page, count and total, and every tab label's summary, as the
// page asks for them) for an account of 10 000 invoices against one of 1 000 000 (100 000 on PGlite),
// side by side in one run. Target: the large account's time ≤ 2× the small one's. Both accounts have
// the same shape (bench/seed-invoices.ts: ten years of invoices, the oldest fifth hidden Generation 3).

const SMALL = 10_000;
const LARGE = { pg: 1_000_000, pglite: 100_000 };

const LISTS: Record<Tab, (viewer: Viewer, now: Date) => Promise<unknown>> = {
  open: (viewer, now) => listOpenInvoices(viewer, parseInvoiceFilters({ tab: "open" }, viewer.account, now), now),
  recent: (viewer, now) => listRecentInvoices(viewer, parseInvoiceFilters({ tab: "recent" }, viewer.account, now), now),
  payments: (viewer, now) => listRecentPayments(viewer, parseInvoiceFilters({ tab: "payments" }, viewer.account, now), now),
};

// What a tab's page loads: the tab labels' summaries and its list (page + count + total), at once.
const wholeTab = (tab: Tab, viewer: Viewer, now: Date) => Promise.all([getTabSummaries(viewer, now), LISTS[tab](viewer, now)]);

const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);

async function seeded(db: Database, now: Date, slug: string, count: number): Promise<{ viewer: Viewer; seconds: number }> {
  const { viewer, today, upgradeDay } = await createBenchViewer(db, now, slug);
  const start = performance.now();
  await seedBenchInvoices(db, viewer.accountId, today, upgradeDay, count);
  return { viewer, seconds: (performance.now() - start) / 1000 };
}

export async function benchTabAtScale(db: Database, now: Date, driver: "pg" | "pglite"): Promise<void> {
  const large = LARGE[driver];
  const small = await seeded(db, now, "bench-small", SMALL);
  const big = await seeded(db, now, "bench-large", large);
  const [summaryRows] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from invoice_day_summaries where account_id = ${big.viewer.accountId}`);
  const label = (n: number) => n.toLocaleString("en-US");
  console.log(
    `\nWhole tab at ${label(SMALL)} vs ${label(large)} invoices in one account (set-based seeds with the summary triggers: ${small.seconds.toFixed(1)} s and ${big.seconds.toFixed(1)} s; ` +
      `${label(summaryRows.n)} summary rows for the large account). Tab labels' summaries + page + count + total, medians of 21; target ≤ 2×.`,
  );
  for (const tab of ["open", "recent", "payments"] as const) {
    const [a, b] = await compare(
      21,
      () => wholeTab(tab, small.viewer, now),
      () => wholeTab(tab, big.viewer, now),
    );
    console.log(`  ${`${tab} tab, default view`.padEnd(28)} ${label(SMALL)} ${ms(a)}   ${label(large)} ${ms(b)}   ratio ${(b / a).toFixed(2)}×`);
  }
}

// BENCH_ONLY=invoice-tab-scale: this part alone, without the page walks of bench/invoice-list.ts.
export async function benchInvoiceTabScale(driver: "pg" | "pglite"): Promise<void> {
  await benchTabAtScale(await getDb(), new Date(), driver);
}
