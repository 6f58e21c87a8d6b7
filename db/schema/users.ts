import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

// Portal users (account_id set) and provider operators (is_operator, no account).
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    // Unique among logins (users with a password) and within an account; a pending invitation
    // may name an address that has a login elsewhere, so inviting does not reveal that it does.
    email: text("email").notNull(),
    name: text("name").notNull(),
    // Null until an invited user sets a password.
    passwordHash: text("password_hash"),
    isOperator: boolean("is_operator").notNull().default(false),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("users_account_id_idx").on(t.accountId),
    uniqueIndex("users_login_email_key")
      .on(t.email)
      .where(sql`${t.passwordHash} is not null`),
    unique("users_account_email_key").on(t.accountId, t.email),
    // Lets tenant tables reference (user, account) pairs so a row can never point across accounts.
    unique("users_id_account_id_key").on(t.id, t.accountId),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    check("users_operator_has_no_account", sql`(${t.isOperator} and ${t.accountId} is null) or (not ${t.isOperator} and ${t.accountId} is not null)`),
  ],
);

// One-time links: invitations, password resets and magic-link sign-in. Only the hash is stored.
export const userTokens = pgTable(
  "user_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["invite", "password_reset", "magic_link"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("user_tokens_account_id_idx").on(t.accountId), index("user_tokens_user_id_idx").on(t.userId)],
);

// Counters for throttling, shared by every app instance: fixed windows (per client IP, exports,
// reset emails) and, with blocked_until, the sign-in backoff per account or device (lib/auth/throttle.ts).
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
