// Gives every integration test file its own fresh, migrated database: a new database on the real
// PostgreSQL server when TEST_DATABASE_URL or DATABASE_URL is set, an in-memory PGlite otherwise.
import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
let dropDatabase: (() => Promise<void>) | undefined;

if (serverUrl) {
  const { Client } = await import("pg");
  const name = `bp_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}

await migrateDatabase();

afterAll(async () => {
  await closeDb();
  await dropDatabase?.();
});
