import pg from "pg";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { withBenchDatabase } from "./bench-database";
import { createBenchViewer } from "./invoice-list";
import { seedBenchInvoices } from "./seed-invoices";

// Captures the statements of a steady sweep and prints EXPLAIN (ANALYZE, BUFFERS) of each insert.
const captured: { text: string; values: unknown[] }[] = [];
let capture = false;
const original = pg.Client.prototype.query;
(pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, config: unknown, values?: unknown, cb?: unknown) {
  if (capture && typeof config === "object" && config && "text" in config) {
    const c = config as { text: string; values?: unknown[] };
    if (/insert into "notifications"/.test(c.text)) captured.push({ text: c.text, values: (values as unknown[]) ?? c.values ?? [] });
  }
  return (original as (...a: unknown[]) => unknown).call(this, config, values, cb);
};

const size = Number(process.env.SIZE ?? 5000);
await withBenchDatabase(async () => {
  const db = await getDb();
  const now = new Date();
  const { viewer, today, upgradeDay } = await createBenchViewer(db, now);
  await seedBenchInvoices(db, viewer.accountId, today, upgradeDay, size);
  if (process.env.FIRST !== "1") await runReminderSweep(db, now);
  if (process.env.ANALYZE === "1") await db.execute(sql`analyze`);
  capture = true;
  await runReminderSweep(db, now);
  capture = false;
  console.log("captured", captured.length);
  if (process.env.FIRST === "1") await db.execute(sql`truncate notifications cascade`);
  const { Client } = pg;
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  for (const q of captured.slice(0, 1)) {
    await client.query("begin");
    try {
      const r = await client.query({ text: `explain (analyze, buffers, costs off) ${q.text}`, values: q.values });
      console.log(`\n--- ${size} invoices\n${r.rows.map((x) => Object.values(x)[0]).join("\n")}`);
    } catch (e) { console.log("ERR", e, q.text); }
    await client.query("rollback");
  }
  await client.end();
});
