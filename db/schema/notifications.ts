import { sql } from "drizzle-orm";
import { bigint, boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

// Per user and category: which channels they want (R-N2, R-N3). No row means the defaults.
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    accountId: uuid("account_id").notNull(),
    userId: uuid("user_id").notNull(),
    category: text("category", { enum: ["billing"] }).notNull(),
    alert: boolean("alert").notNull(),
    email: boolean("email").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // Set when an administrator changed them for this user, so the user can see who did.
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.category] }),
    index("notification_preferences_account_id_idx").on(t.accountId),
    foreignKey({ columns: [t.userId, t.accountId], foreignColumns: [users.id, users.accountId] }).onDelete("cascade"),
  ],
);

// Note: the unique key is what makes each (user, event, subject, threshold) notify at most once,
// however many sweeps or app instances race (R-N5).
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").notNull(),
    userId: uuid("user_id").notNull(),
    event: text("event", { enum: ["invoice_posted", "invoice_past_due", "card_expiring", "ticket_reply", "invoice_restored"] }).notNull(),
    subjectId: uuid("subject_id").notNull(),
    // Days past due or days before expiry; 0 for one-off events.
    threshold: integer("threshold").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("notifications_once_key").on(t.userId, t.event, t.subjectId, t.threshold),
    index("notifications_account_id_idx").on(t.accountId),
    foreignKey({ columns: [t.userId, t.accountId], foreignColumns: [users.id, users.accountId] }).onDelete("cascade"),
  ],
);

// The bell in the top bar: only ever shown to its own user.
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    href: text("href"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("alerts_account_id_idx").on(t.accountId),
    // Ascending on purpose: a backward scan serves ORDER BY … DESC (a DESC NULLS LAST index does not).
    index("alerts_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("alerts_user_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

// Transactional outbox: written with the event, sent by the worker with retries (R-N6).
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    toEmail: text("to_email").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    // Sent to Resend as Idempotency-Key, so a retry after a timeout cannot send twice.
    idempotencyKey: text("idempotency_key").notNull().unique(),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("email_outbox_account_id_idx").on(t.accountId),
    index("email_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    check("email_outbox_attempts_nonnegative", sql`${t.attempts} >= 0`),
  ],
);

// One row per reminder sweep: when it ran, how far it got and why it stopped, so operators see a
// failing sweep the same day. Counters are updated after every committed batch.
export const reminderSweeps = pgTable(
  "reminder_sweeps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The clock the sweep ran with (a cron caller may pass its own), and the wall clock around it.
    sweepAt: timestamp("sweep_at", { withTimezone: true }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    batches: integer("batches").notNull().default(0),
    notifications: integer("notifications").notNull().default(0),
    alerts: integer("alerts").notNull().default(0),
    emails: integer("emails").notNull().default(0),
    error: text("error"),
    // pg_current_snapshot() as the run started: changes it could not see are in reminder_rescans.
    startSnapshot: text("start_snapshot"),
  },
  (t) => [index("reminder_sweeps_started_idx").on(t.startedAt, t.id)],
);

// Accounts in which something other than the calendar may have made a reminder due: an invoice
// posted (perhaps already past due) or reopened, a Generation 3 invoice granted back, a recipient
// added, enabled, given a role or permission, or a channel switched on. Written by the triggers of
// migration 0010 in the writing transaction, whichever code path wrote, with that transaction's id,
// so a windowed sweep rescans in full every account changed where its base sweep could not see it.
export const reminderRescans = pgTable(
  "reminder_rescans",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    // pg_current_xact_id() of the writing transaction (xid8 as a number).
    markedXid: bigint("marked_xid", { mode: "number" }).notNull(),
  },
  (t) => [
    index("reminder_rescans_account_id_idx").on(t.accountId),
    // A windowed sweep reads only the marks at or above its base snapshot's xmin (reminder-rescans.ts).
    index("reminder_rescans_marked_xid_idx").on(t.markedXid),
  ],
);

export type NotificationPreference = typeof notificationPreferences.$inferSelect;
export type Alert = typeof alerts.$inferSelect;
export type OutboxEmail = typeof emailOutbox.$inferSelect;
export type ReminderSweep = typeof reminderSweeps.$inferSelect;
