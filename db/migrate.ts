import "server-only";
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { getConnection, MIGRATIONS_FOLDER } from "./client";

const MIGRATION_LOCK_ID = 7428190;

// Applies db/migrations with the driver in use (`npm run db:migrate`, and every server start).
export async function migrateDatabase(): Promise<void> {
  const { db, driver } = await getConnection();
  if (driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  await migratePostgres(env().DATABASE_URL!);
}

// Instances starting together must not race: each one runs drizzle's migrator inside one
// transaction that first takes pg_advisory_xact_lock, so the second waits, then reads the journal
// the first committed and applies nothing. Note: a transaction-level lock rather than a session
// pg_advisory_lock because DATABASE_URL may point at PgBouncer in transaction mode, where a
// session lock stays on whichever server connection ran it (never unlocked, blocking the next
// start) and the migration's statements may run on others. Inside one transaction every statement
// and the lock share one server connection, and COMMIT releases it whatever the pooler, so no
// separate direct-connection setting is needed. (drizzle's own migrate() reads the journal before
// opening its transaction, too early to be guarded, hence its dialect is driven from inside ours.)
export async function migratePostgres(url: string): Promise<void> {
  const { Client } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  const migrations = readMigrationFiles(config);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const db = drizzle(client);
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`);
      // The migrator's session is our transaction: its own "transaction" becomes a savepoint.
      const session = {
        execute: (query: Parameters<typeof tx.execute>[0]) => tx.execute(query),
        all: async (query: Parameters<typeof tx.execute>[0]) => (await tx.execute(query)).rows,
        transaction: <T>(run: (inner: typeof tx) => Promise<T>) => tx.transaction(run),
      };
      const dialect = (db as unknown as { dialect: { migrate: (m: typeof migrations, s: typeof session, c: typeof config) => Promise<void> } }).dialect;
      await dialect.migrate(migrations, session, config);
    });
  } finally {
    await client.end();
  }
}
