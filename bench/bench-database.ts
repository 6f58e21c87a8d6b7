import { randomBytes } from "node:crypto";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

// A throwaway database for the bench: a new database on the server named by DATABASE_URL
// (dropped afterwards unless BENCH_KEEP_DB=1, for poking at plans), or an in-memory PGlite when
// DATABASE_URL is not set.
export async function withBenchDatabase<T>(run: (driver: "pg" | "pglite") => Promise<T>): Promise<T> {
  const serverUrl = process.env.DATABASE_URL;
  const { Client } = await import("pg");
  const name = `bp_bench_${randomBytes(5).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  if (serverUrl) {
    await admin(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    process.env.PGLITE_DIR = "memory://";
  }
  try {
    await migrateDatabase();
    return await run(serverUrl ? "pg" : "pglite");
  } finally {
    await closeDb();
    if (serverUrl && process.env.BENCH_KEEP_DB === "1") console.log(`\nKept the bench database ${name}.`);
    else if (serverUrl) {
      process.env.DATABASE_URL = serverUrl;
      await admin(`drop database if exists ${name} with (force)`);
    }
  }
}
