import { getDb } from "@/db/client";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { withBenchDatabase } from "./bench-database";
import { createBenchViewer } from "./invoice-list";
import { seedBenchInvoices } from "./seed-invoices";
await withBenchDatabase(async () => {
  const db = await getDb();
  const now = new Date();
  const { viewer, today, upgradeDay } = await createBenchViewer(db, now);
  await seedBenchInvoices(db, viewer.accountId, today, upgradeDay, Number(process.env.SIZE ?? 5000));
  const t = performance.now();
  console.log(await runReminderSweep(db, now), performance.now() - t);
});
