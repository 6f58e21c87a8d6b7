import "server-only";
import { env } from "@/lib/env";
import { getConnection, MIGRATIONS_FOLDER } from "./client";

const MIGRATION_LOCK_ID = 7428190;

// Applies db/migrations with the driver in use. On PostgreSQL a session advisory lock keeps
// several app instances starting at once from migrating concurrently.
export async function migrateDatabase(): Promise<void> {
  const { db, driver } = await getConnection();
  if (driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const { Client } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = new Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
