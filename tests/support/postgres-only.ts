// Concurrency guarantees (row locks, unique keys, SKIP LOCKED) can only be proven with real
// overlapping transactions: on the embedded PGlite every statement is serialised, so such a test
// passes even with its lock removed. These run only on PostgreSQL and show as skipped elsewhere,
// each named in the output so a PGlite run never looks like it proved them.
import { describe, it, type TestFunction, type TestOptions } from "vitest";

// tests/setup/test-database.ts sets DATABASE_URL to this file's own database only on PostgreSQL.
export const onPostgres = Boolean(process.env.DATABASE_URL);

function noteSkipped(name: string) {
  if (!onPostgres) console.info(`skipped, needs PostgreSQL (set DATABASE_URL): ${name}`);
}

// `describe` for tests that prove a concurrency guarantee: skipped, by name, on PGlite.
export function describeOnPostgres(name: string, factory: () => void) {
  noteSkipped(name);
  return describe.runIf(onPostgres)(name, factory);
}

// `it` for a single such test inside a file that otherwise runs on both drivers.
export function itOnPostgres(name: string, ...rest: [TestFunction] | [TestOptions, TestFunction]) {
  noteSkipped(name);
  return rest.length === 1 ? it.runIf(onPostgres)(name, rest[0]) : it.runIf(onPostgres)(name, rest[0], rest[1]);
}
