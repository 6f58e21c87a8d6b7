import { performance } from "node:perf_hooks";
import { getDb } from "@/db/client";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { withBenchDatabase } from "./bench-database";
import { createBenchViewer } from "./invoice-list";
import { seedBenchInvoices } from "./seed-invoices";

// The table of issue 16: one account in the invoice bench's shape (one Billing Manager, default
// preferences) at several sizes, swept three times: catch-up, at once again (nothing new), a day later.
export const ISSUE_SIZES = [5_000, 15_000, 50_000];

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T | null; error: string | null }> {
  const start = performance.now();
  try {
    const value = await run();
    return { ms: performance.now() - start, value, error: null };
  } catch (error) {
    return { ms: performance.now() - start, value: null, error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 120) : String(error) };
  }
}

export async function benchReminderSweepSizes(sizes: number[] = ISSUE_SIZES): Promise<void> {
  console.log("\nReminder sweep, one account in the invoice bench's shape (issue 16's table)");
  console.log("| invoices | past-due open invoices | first sweep | second sweep (nothing new) | next day |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const size of sizes) {
    await withBenchDatabase(async () => {
      const db = await getDb();
      const now = new Date();
      const { viewer, today, upgradeDay } = await createBenchViewer(db, now);
      await seedBenchInvoices(db, viewer.accountId, today, upgradeDay, size);
      const { rows } = (await db.execute(
        `select count(*)::int as n from invoices where status = 'open' and total_minor > paid_minor and due_date <= current_date - 2` as never,
      )) as unknown as { rows: { n: number }[] };
      const cell = (r: Awaited<ReturnType<typeof timed<{ notifications: number }>>>, withCount: boolean) =>
        r.error ? `crash: ${r.error}` : `${(r.ms / 1000).toFixed(2)} s${withCount ? `, ${r.value!.notifications} notifications` : ""}`;
      const first = await timed(() => runReminderSweep(db, now));
      if (first.error) {
        console.log(`| ${size} | ${rows[0].n} | ${cell(first, true)} | — | — |`);
        return;
      }
      const second = await timed(() => runReminderSweep(db, now));
      const nextDay = await timed(() => runReminderSweep(db, new Date(now.getTime() + 86_400_000)));
      console.log(`| ${size} | ${rows[0].n} | ${cell(first, true)} | ${cell(second, false)} | ${cell(nextDay, true)} |`);
    });
  }
}
