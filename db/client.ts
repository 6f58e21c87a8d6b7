import "server-only";
import { errorFields, logger } from "@/lib/log";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool } from "pg";
import { dataDir, env } from "@/lib/env";
import * as schema from "./schema";

// One type for both drivers: pg (DATABASE_URL) and the embedded PGlite (default).
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
// A transaction handle has the same query surface; functions that may run inside one take `Db`.
export type Db = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

// The pg pool's usage (the metrics page); PGlite has no pool. `exportPool` (pg only) is a second,
// small pool for COPY exports (db/copy-csv-out.ts): a download holds its connection as long as the
// client reads, so slow downloads must wait on each other, never take the pages' connections.
export type PoolStats = { total: number; idle: number; waiting: number };
type Connection = { db: Database; driver: "pg" | "pglite"; close: () => Promise<void>; poolStats?: () => PoolStats; exportPool?: Pool };

const globalForDb = globalThis as unknown as { __billingDb?: Promise<Connection> };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

// Where the embedded database lives; `memory://` keeps it in memory (tests).
export function pgliteDir(): string {
  return env().PGLITE_DIR ?? path.join(dataDir(), "pglite");
}

// With LOG_SQL_STATEMENTS=1, one "[sql]" line per statement: bench/page-load.ts counts a page's
// round trips from them.
function statementLogger() {
  return env().LOG_SQL_STATEMENTS ? { logQuery: () => console.log("[sql]") } : undefined;
}

async function connect(): Promise<Connection> {
  const { DATABASE_URL: url, DATABASE_POOL_MAX, EXPORT_POOL_MAX } = env();
  if (url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({ connectionString: url, max: DATABASE_POOL_MAX });
    const exportPool = new Pool({ connectionString: url, max: EXPORT_POOL_MAX });
    // An idle connection the server closes (restart, failover, a dropped test database) emits
    // 'error' on the pool; unhandled, that would crash the process. The pool discards the client.
    for (const each of [pool, exportPool]) each.on("error", (error) => logger().warn({ err: errorFields(error) }, "idle database connection lost"));
    const db = drizzle(pool, { schema, logger: statementLogger() }) as unknown as Database;
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    const close = async () => {
      await Promise.all([pool.end(), exportPool.end()]);
    };
    return { db, driver: "pg", close, poolStats, exportPool };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = pgliteDir();
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, driver: "pglite", close: () => client.close() };
}

// Note: a single connection per process. PGlite has no cross-process lock, so only the server
// process opens the data dir (see db/ensure-ready.ts); the promise is kept on globalThis so that
// hot reloads and separately bundled server entry points share it.
export function getConnection(): Promise<Connection> {
  globalForDb.__billingDb ??= connect();
  return globalForDb.__billingDb;
}

export async function getDb(): Promise<Database> {
  return (await getConnection()).db;
}

export async function closeDb(): Promise<void> {
  const pending = globalForDb.__billingDb;
  globalForDb.__billingDb = undefined;
  if (pending) await (await pending).close();
}
