import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": import.meta.dirname, "server-only": path.join(import.meta.dirname, "tests/setup/empty.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI machine.
    // The integration files mostly wait on their database, so one per core (at least two) is faster
    // (measured: 328 s against 518 s for the whole suite on PostgreSQL on a loaded 2-core machine).
    maxWorkers: Math.max(2, os.availableParallelism()),
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // On PGlite, threads: the workers share one process, so PGlite's WebAssembly is compiled
          // once rather than in every fork (whole suite on a loaded 2-core machine: 210-275 s against 463 s).
          pool: process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? "forks" : "threads",
          // Migrated once per run into a template (globalSetup); each test file gets its own copy.
          globalSetup: ["tests/setup/test-database-template.ts"],
          setupFiles: ["tests/setup/test-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Issue 12: sign-in, sessions, redirects, client IP, headers; against the database where it matters.
          name: "security",
          include: ["tests/security/**/*.test.ts"],
          environment: "node",
          pool: process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? "forks" : "threads",
          globalSetup: ["tests/setup/test-database-template.ts"],
          setupFiles: ["tests/setup/test-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
