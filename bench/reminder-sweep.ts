import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { isoDateInZone } from "@/lib/dates";
import { reminderBatchSize, runReminderSweep, type SweepResult } from "@/lib/notifications/reminder-sweep";
import { withBenchDatabase } from "./bench-database";
import { seedProvider } from "./seed-provider";

// The reminder sweep at a provider's size (issue 16): 10 000 accounts, about 1 000 000 invoices
// (most accounts small, ten with 20 000), 200 000 cards, 3 users per account with mixed
// preferences. Prints the catch-up sweep (time, notifications, peak RSS growth), a steady sweep
// (nothing new) and a next-day sweep, then the steady sweep on a tenth of the data, as a ratio.
// Targets: catch-up completes with RSS growth < 200 MB; steady and next day < 5 s; ratio ≤ 12×.

// BENCH_REMINDER_ACCOUNTS scales the whole dataset down (e.g. 1 000: 100 000 invoices) on a slow machine.
const FULL = { accounts: Number(process.env.BENCH_REMINDER_ACCOUNTS ?? 10_000), cardsPerAccount: 20 };
const DAY_MS = 86_400_000;

// Peak resident set size while `run` runs, sampled every 20 ms, relative to before it started.
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; rssGrowthMb: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  try {
    const value = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, ms: performance.now() - start, rssGrowthMb: (peak - before) / 1_048_576 };
  } finally {
    clearInterval(timer);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const counts = (r: SweepResult) =>
  `${r.notifications.toLocaleString("en-US")} notifications, ${r.alerts.toLocaleString("en-US")} alerts, ${r.emails.toLocaleString("en-US")} emails, ${r.batches} batches`;

async function tableSizes(db: Database) {
  const [row] = await rawRows<{ accounts: number; invoices: number; open_past_due: number; cards: number; users: number }>(
    db,
    sql`select (select count(*) from accounts)::int as accounts, (select count(*) from invoices)::int as invoices,
               (select count(*) from invoices where status = 'open' and due_date < current_date - 1)::int as open_past_due,
               (select count(*) from payment_methods)::int as cards, (select count(*) from users)::int as users`,
  );
  return row;
}

// Seeds one dataset, sweeps it three times; returns the steady sweep's time.
async function sweepDataset(label: string, accounts: number, now: Date, full: boolean): Promise<number> {
  const db = await getDb();
  const seedStart = performance.now();
  await seedProvider(db, { accounts, cardsPerAccount: FULL.cardsPerAccount, today: isoDateInZone(now, "UTC") });
  const sizes = await tableSizes(db);
  console.log(
    `\n${label}: ${sizes.accounts.toLocaleString("en-US")} accounts, ${sizes.invoices.toLocaleString("en-US")} invoices (${sizes.open_past_due.toLocaleString("en-US")} open and past due), ${sizes.cards.toLocaleString("en-US")} cards, ${sizes.users.toLocaleString("en-US")} users (set-based seed: ${seconds(performance.now() - seedStart)})`,
  );
  const catchUp = await withPeakRss(() => runReminderSweep(db, now));
  if (full) console.log(`  catch-up sweep   ${seconds(catchUp.ms).padStart(9)}   ${counts(catchUp.value)}; peak RSS growth ${catchUp.rssGrowthMb.toFixed(0)} MB`);
  await db.execute(sql`vacuum (analyze) notifications, alerts, email_outbox`);
  const steady = await withPeakRss(() => runReminderSweep(db, now));
  console.log(`  steady sweep     ${seconds(steady.ms).padStart(9)}   ${counts(steady.value)}`);
  if (full) {
    const nextDay = await withPeakRss(() => runReminderSweep(db, new Date(now.getTime() + DAY_MS)));
    console.log(`  next-day sweep   ${seconds(nextDay.ms).padStart(9)}   ${counts(nextDay.value)}`);
  }
  return steady.ms;
}

// Each dataset on its own throwaway database (withBenchDatabase), so the two never share caches or plans.
export async function benchReminderSweep(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.log("\nReminder sweep bench: needs DATABASE_URL (a provider-sized dataset does not fit PGlite in memory); skipped.");
    return;
  }
  const now = new Date();
  // npm run bench runs as production does (NODE_ENV=production): React's development mode roughly
  // doubles the emails' render time and garbage, and with it the catch-up's RSS growth.
  const reactMode = process.env.NODE_ENV === "production" ? "production" : "development";
  console.log(
    `\nReminder sweep at a provider's size — PostgreSQL via pg, batch size ${reminderBatchSize()} (REMINDER_BATCH_SIZE), React in ${reactMode} mode (NODE_ENV=${process.env.NODE_ENV ?? ""})`,
  );
  const fullSteady = await withBenchDatabase(() => sweepDataset(`Full size (${FULL.accounts} accounts)`, FULL.accounts, now, true));
  const tenthSteady = await withBenchDatabase(() => sweepDataset("10 % size", FULL.accounts / 10, now, false));
  console.log(`\n  steady sweep, full size / 10 % size: ${(fullSteady / tenthSteady).toFixed(1)}× (linear: about 10×, target ≤ 12×)`);
}
