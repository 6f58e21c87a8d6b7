// Where the integration tests' databases live, shared by the once-per-run template (global setup)
// and the per-file clone (setup file): the PostgreSQL server named by TEST_DATABASE_URL or
// DATABASE_URL, or the embedded PGlite when neither is set.
import { randomBytes } from "node:crypto";

export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
}

// Database names are interpolated into DDL, so they are only ever made here: a fixed prefix and hex.
export function uniqueDatabaseName(prefix: "bp_test" | "bp_tmpl"): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// Runs one statement on the server's maintenance database (CREATE/DROP DATABASE cannot run inside
// the database they name).
export async function onServer(serverUrl: string, statement: string): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
