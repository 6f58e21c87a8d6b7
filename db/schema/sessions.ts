import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

// One row per signed-in browser. The session cookie carries only this id (and the user id); a
// session is live while the row is not revoked, not past expires_at (absolute lifetime) and
// seen within the idle timeout (lib/auth/sessions.ts). Operators' sessions have no account.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    userAgent: text("user_agent"),
    ip: text("ip").notNull(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId), index("sessions_account_id_idx").on(t.accountId)],
);

export type Session = typeof sessions.$inferSelect;
