// Issue 15: instances starting together migrate a fresh database exactly once, directly and through
// PgBouncer in transaction mode (where a session advisory lock would not hold).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migratePostgres } from "@/db/migrate";
import { describeOnPostgres } from "@/tests/support/postgres-only";
import { hasPgbouncer, startPgbouncer, type Pgbouncer } from "@/tests/support/pgbouncer";
import { databaseUrl, onServer, uniqueDatabaseName } from "@/tests/setup/test-database-server";

const INSTANCES = 6;
const journal = JSON.parse(readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: unknown[] };

async function appliedMigrations(url: string): Promise<{ rows: number; distinct: number; accountsTable: boolean }> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select count(*)::int as rows, count(distinct hash)::int as distinct, to_regclass('public.accounts') is not null as "accountsTable" from drizzle.__drizzle_migrations`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

describeOnPostgres("migrations started by several instances at once", () => {
  const serverUrl = process.env.DATABASE_URL!;
  const created: string[] = [];
  let bouncer: Pgbouncer | undefined;

  async function freshDatabase(): Promise<string> {
    const name = uniqueDatabaseName("bp_test");
    await onServer(serverUrl, `create database ${name}`);
    created.push(name);
    return name;
  }

  beforeAll(async () => {
    if (hasPgbouncer()) bouncer = await startPgbouncer(serverUrl, 3891);
  });

  afterAll(async () => {
    await bouncer?.stop();
    for (const name of created) await onServer(serverUrl, `drop database if exists ${name} with (force)`);
  });

  it(`${INSTANCES} concurrent migrations of a fresh database all succeed and apply each migration once`, async () => {
    const url = databaseUrl(serverUrl, await freshDatabase());
    const results = await Promise.allSettled(Array.from({ length: INSTANCES }, () => migratePostgres(url)));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await appliedMigrations(url)).toEqual({ rows: journal.entries.length, distinct: journal.entries.length, accountsTable: true });
  });

  it(`the same through PgBouncer in transaction mode (pool of 3 server connections for ${INSTANCES} instances)`, async () => {
    expect(bouncer, "pgbouncer is installed (apt-get install pgbouncer)").toBeDefined();
    const name = await freshDatabase();
    const results = await Promise.allSettled(Array.from({ length: INSTANCES }, () => migratePostgres(bouncer!.url(name))));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await appliedMigrations(databaseUrl(serverUrl, name))).toEqual({ rows: journal.entries.length, distinct: journal.entries.length, accountsTable: true });
    // Run again (a restart): nothing new, nothing twice.
    await migratePostgres(bouncer!.url(name));
    expect((await appliedMigrations(databaseUrl(serverUrl, name))).rows).toBe(journal.entries.length);
  });
});
