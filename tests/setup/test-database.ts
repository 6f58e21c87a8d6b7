// Gives every integration test file its own database, cloned from the template the global setup
// migrated once (tests/setup/test-database-template.ts): a new database on the PostgreSQL server
// (CREATE DATABASE … TEMPLATE), or a copy of the migrated PGlite data directory.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, inject } from "vitest";
import { databaseUrl, onServer, uniqueDatabaseName } from "./test-database-server";

const template = inject("testDatabaseTemplate");
let dropDatabase: () => Promise<void>;

if (template.driver === "pg") {
  const { serverUrl } = template;
  const name = uniqueDatabaseName("bp_test");
  await onServer(serverUrl, `create database ${name} template ${template.template}`);
  process.env.DATABASE_URL = databaseUrl(serverUrl, name);
  dropDatabase = () => onServer(serverUrl, `drop database if exists ${name} with (force)`);
} else {
  const dir = mkdtempSync(path.join(template.root, "file-"));
  cpSync(template.template, dir, { recursive: true });
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = dir;
  dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
}

// Open it now, as migrating it here used to: a file's first test then times its own work, not
// PGlite starting up (a test with a 300 ms send timeout failed when the start fell inside it).
const { closeDb, getDb } = await import("@/db/client");
await (await getDb()).execute(sql`select 1`);

afterAll(async () => {
  await closeDb();
  await dropDatabase();
});
