import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Which app instance runs a cluster-wide job (the reminder sweep) right now: one row per job, held
// by the instance that inserted or last took it over and renewed by it while it lives. Another
// instance takes the row only once `expires_at` has passed (lib/jobs/job-lease.ts). A row rather
// than an advisory lock because it works through a transaction-pooling PgBouncer, where a session
// lock is tied to a server connection other clients share, and because the holder is visible.
export const jobLeases = pgTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  // Set by the database clock (clock_timestamp()), so instances with skewed clocks agree.
  acquiredAt: timestamp("acquired_at", { withTimezone: true }).notNull(),
  renewedAt: timestamp("renewed_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

export type JobLease = typeof jobLeases.$inferSelect;
