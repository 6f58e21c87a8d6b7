import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, foreignKey, index, pgTable, smallint, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { invoices } from "./invoices";

// Cards on file. Only brand, last4, expiry and the processor's opaque token: never a number or CVC (R-M1).
export const paymentMethods = pgTable(
  "payment_methods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    brand: text("brand").notNull(),
    last4: text("last4").notNull(),
    expMonth: smallint("exp_month").notNull(),
    expYear: smallint("exp_year").notNull(),
    holderName: text("holder_name").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    processorToken: text("processor_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Removed cards are kept for payment history but get no reminders and are not listed.
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [
    index("payment_methods_account_id_idx").on(t.accountId),
    unique("payment_methods_id_account_id_key").on(t.id, t.accountId),
    uniqueIndex("payment_methods_one_default_idx")
      .on(t.accountId)
      .where(sql`${t.isDefault} and ${t.removedAt} is null`),
    // The reminder sweep reads only cards whose expiry month is this month or next.
    index("payment_methods_expiry_idx")
      .on(t.expYear, t.expMonth)
      .where(sql`${t.removedAt} is null`),
    check("payment_methods_last4_digits", sql`${t.last4} ~ '^[0-9]{4}$'`),
    check("payment_methods_exp_month_range", sql`${t.expMonth} between 1 and 12`),
  ],
);

export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    receivedOn: date("received_on").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    reference: text("reference").notNull(),
    method: text("method", { enum: ["card", "bank_transfer", "check", "other"] }).notNull(),
    paymentMethodId: uuid("payment_method_id"),
    status: text("status", { enum: ["succeeded", "pending", "failed", "refunded"] })
      .notNull()
      .default("succeeded"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("payments_id_account_id_key").on(t.id, t.accountId),
    // Recent Payments keyset pagination (ascending: see invoices_account_issue_idx), newest first and by amount.
    index("payments_account_received_idx").on(t.accountId, t.receivedOn, t.id),
    index("payments_account_amount_idx").on(t.accountId, t.amountMinor, t.id),
    foreignKey({ columns: [t.paymentMethodId, t.accountId], foreignColumns: [paymentMethods.id, paymentMethods.accountId] }),
    check("payments_amount_positive", sql`${t.amountMinor} > 0`),
  ],
);

// How much of a payment settles which invoice; both sides must be in the same account.
export const paymentAllocations = pgTable(
  "payment_allocations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").notNull(),
    paymentId: uuid("payment_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("payment_allocations_account_id_idx").on(t.accountId),
    index("payment_allocations_invoice_id_idx").on(t.invoiceId),
    unique("payment_allocations_payment_invoice_key").on(t.paymentId, t.invoiceId),
    foreignKey({ columns: [t.paymentId, t.accountId], foreignColumns: [payments.id, payments.accountId] }).onDelete("cascade"),
    foreignKey({ columns: [t.invoiceId, t.accountId], foreignColumns: [invoices.id, invoices.accountId] }).onDelete("cascade"),
    check("payment_allocations_amount_positive", sql`${t.amountMinor} > 0`),
  ],
);

export type Payment = typeof payments.$inferSelect;
export type PaymentMethod = typeof paymentMethods.$inferSelect;
