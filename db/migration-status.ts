import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { MIGRATIONS_FOLDER, type Db } from "./client";
import { rawRows } from "./raw-rows";

// The newest migration this build ships (db/migrations/meta/_journal.json), read once.
let shippedCache: number | undefined;
function newestShippedMigration(): number {
  if (shippedCache === undefined) {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
    shippedCache = Math.max(...journal.entries.map((entry) => entry.when));
  }
  return shippedCache;
}

// Whether the database has every migration this build ships. Note: drizzle's migrator records
// each applied migration's folder timestamp in drizzle.__drizzle_migrations and applies those
// newer than the latest recorded, so "current" is the same comparison. A database never
// migrated (no such table) is not current; a database that is unreachable throws.
export async function migrationsAreCurrent(db: Db): Promise<boolean> {
  const [{ present }] = await rawRows<{ present: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!present) return false;
  const [{ latest }] = await rawRows<{ latest: string | number | null }>(db, sql`select max(created_at) as latest from drizzle.__drizzle_migrations`);
  return latest !== null && Number(latest) >= newestShippedMigration();
}
