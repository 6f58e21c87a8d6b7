// Concurrency guarantees (row locks, unique keys, SKIP LOCKED) can only be proven with real
// overlapping transactions: on the embedded PGlite every statement is serialised, so such a test
// passes even with its lock removed. These run only on PostgreSQL and show as skipped elsewhere.
import { describe, it } from "vitest";

// tests/setup/test-database.ts sets DATABASE_URL to this file's own database only on PostgreSQL.
export const onPostgres = Boolean(process.env.DATABASE_URL);

// `describe` for tests that prove a concurrency guarantee: skipped, by name, on PGlite.
export const describeOnPostgres = describe.runIf(onPostgres);

// `it` for a single such test inside a file that otherwise runs on both drivers.
export const itOnPostgres = it.runIf(onPostgres);
