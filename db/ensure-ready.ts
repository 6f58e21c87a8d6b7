import "server-only";
import { logger } from "@/lib/log";
import { sql } from "drizzle-orm";
import { isDemoMode } from "@/lib/env";
import { getConnection } from "./client";
import { migrateDatabase } from "./migrate";
import { rawRows } from "./raw-rows";
import { seedDemoData } from "./seed/demo";

// Brings the database up to date when the server starts: migrations always, demo data in demo
// mode when the database has no accounts yet. Runs inside the server process, which is the only
// process that may open the embedded database.
export async function ensureDatabaseReady(now = new Date()): Promise<void> {
  await migrateDatabase();
  if (!isDemoMode()) return;
  const { db, driver } = await getConnection();
  await db.transaction(async (tx) => {
    if (driver === "pg") await tx.execute(sql`select pg_advisory_xact_lock(7428191)`);
    const [{ seeded }] = await rawRows<{ seeded: boolean }>(tx, sql`select exists (select 1 from accounts) as seeded`);
    if (!seeded) {
      await seedDemoData(tx, now);
      logger().info("demo data seeded");
    }
  });
}
