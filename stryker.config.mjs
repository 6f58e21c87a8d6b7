// Mutation testing of the modules that carry the portal's guarantees (issue 17): `npm run test:mutation`.
// Slow (minutes per module): not part of `npm test`. Run one group with
// `npm run test:mutation -- --mutate lib/exports/csv-cells.ts`.
// Needs PostgreSQL: on PGlite the concurrency tests are skipped and the locks' mutants would survive.
if (!process.env.DATABASE_URL && !process.env.TEST_DATABASE_URL) {
  throw new Error("test:mutation needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)");
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.ts", related: true },
  // Each test records which mutants it reaches, so a mutant reruns only the tests that cover it.
  coverageAnalysis: "perTest",
  // Module-level constants (static mutants: messages, tables, OUTBOX_RETRY) are ignored: in this
  // setup (Vitest projects, forks for the database tests) the vitest runner never has a static mutant
  // switched on when the module loads, so every one is reported as surviving, even those the tests
  // kill when the change is made by hand (issue 17: all 21 of csv-cells.ts, 5 of the outbox's).
  // A constant that a test also reaches while running is still run, and reported, the same way:
  // docs/mutation-testing.md lists those and checks them by hand. MUTATION_INCLUDE_STATIC=1 runs them anyway.
  ignoreStatic: process.env.MUTATION_INCLUDE_STATIC !== "1",
  checkers: [],
  // One test process: the machine (and its PostgreSQL) is shared, and the concurrency tests need their timing.
  concurrency: 1,
  timeoutMS: 20_000,
  // The initial run covers every test file related to the group (minutes on a busy machine).
  dryRunTimeoutMinutes: 30,
  reporters: ["clear-text", "progress", "html", "json"],
  // scripts/mutation-by-module.sh names the reports after the module group.
  htmlReporter: { fileName: `${process.env.MUTATION_REPORT ?? "reports/mutation/index"}.html` },
  jsonReporter: { fileName: `${process.env.MUTATION_REPORT ?? "reports/mutation/index"}.json` },
  thresholds: { high: 90, low: 80, break: null },
  mutate: [
    // Roles, permissions and the last-administrator guard (R-P3), and the user changes that use it.
    "lib/access/admin-guard.ts",
    "lib/access/guards.ts",
    "lib/access/permissions.ts",
    "lib/access/load-viewer.ts",
    "lib/access/create-role.ts",
    "lib/access/update-role.ts",
    "lib/access/delete-role.ts",
    "lib/access/role-rows.ts",
    "lib/users/set-user-roles.ts",
    "lib/users/disable-user.ts",
    // Generation 3 and visibility (R-G3).
    "lib/invoices/generation-rule.ts",
    "lib/invoices/visibility.ts",
    "lib/support/gen3-window.ts",
    // CSV cell neutralising.
    "lib/exports/csv-cells.ts",
    // Reminder sweep, notification insert, outbox.
    "lib/notifications/reminder-sweep.ts",
    "lib/notifications/sweep-window.ts",
    "lib/notifications/reminder-rescans.ts",
    "lib/notifications/reminder-batch.ts",
    "lib/notifications/insert-notifications.ts",
    "lib/notifications/outbox/*.ts",
    // Payments ledger.
    "lib/payments/record-payment.ts",
    "lib/payments/record-payment-to-account.ts",
    "lib/payments/allocate-oldest-first.ts",
    "lib/invoices/post-invoice.ts",
    // Ingest idempotency.
    "lib/ingest/idempotency.ts",
    // Sign-in throttle.
    "lib/auth/throttle.ts",
    "lib/auth/rate-limit.ts",
    "lib/auth/authenticate.ts",
  ],
  ignorePatterns: [".data", ".next", "reports", "test-results", "playwright-report", "e2e", "bench"],
  tempDirName: ".stryker-tmp",
};

export default config;
