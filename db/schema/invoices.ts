import { sql } from "drizzle-orm";
import { bigint, check, date, foreignKey, index, integer, numeric, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

// Note: balance due is total_minor - paid_minor; paid_minor is kept in step with payment_allocations
// inside the transaction that writes them, so lists never aggregate allocations per row.
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    number: text("number").notNull(),
    generation: smallint("generation").notNull(),
    status: text("status", { enum: ["open", "paid", "void"] })
      .notNull()
      .default("open"),
    issueDate: date("issue_date").notNull(),
    dueDate: date("due_date").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    currency: text("currency").notNull(),
    billTo: text("bill_to").notNull().default(""),
    subtotalMinor: bigint("subtotal_minor", { mode: "number" }).notNull(),
    taxMinor: bigint("tax_minor", { mode: "number" }).notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    paidMinor: bigint("paid_minor", { mode: "number" }).notNull().default(0),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidReason: text("void_reason"),
    postedAt: timestamp("posted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("invoices_account_number_key").on(t.accountId, t.number),
    unique("invoices_id_account_id_key").on(t.id, t.accountId),
    // Keyset pagination indexes: (account, sort value, id), the order and the seek condition of a
    // page. Ascending on purpose: a backward scan serves "desc" (which means NULLS FIRST), while a
    // DESC NULLS LAST index matches neither direction and the planner falls back to sorting.
    // Recent Invoices: newest first (issue_date).
    index("invoices_account_issue_idx").on(t.accountId, t.issueDate, t.id),
    // Open Invoices: oldest due first among rows with a balance.
    index("invoices_account_open_due_idx")
      .on(t.accountId, t.dueDate, t.id)
      .where(sql`${t.status} = 'open'`),
    // The reminder sweep walks open invoices across all accounts by (account, id), a batch at a
    // time; this keeps each step to the open ones instead of the whole (mostly settled) table.
    index("invoices_open_account_id_idx")
      .on(t.accountId, t.id)
      .where(sql`${t.status} = 'open'`),
    // The reminder sweep's window (lib/notifications/sweep-window.ts): the open invoices whose due
    // date is a few days either side of each past-due threshold, across accounts.
    index("invoices_open_due_idx")
      .on(t.dueDate, t.accountId, t.id)
      .where(sql`${t.status} = 'open'`),
    // Either tab sorted by amount.
    index("invoices_account_total_idx").on(t.accountId, t.totalMinor, t.id),
    check("invoices_generation_valid", sql`${t.generation} in (3, 4)`),
    check("invoices_total_is_sum", sql`${t.totalMinor} = ${t.subtotalMinor} + ${t.taxMinor}`),
    check("invoices_paid_in_range", sql`${t.paidMinor} >= 0 and ${t.paidMinor} <= ${t.totalMinor}`),
    check("invoices_dates_ordered", sql`${t.dueDate} >= ${t.issueDate} and ${t.periodEnd} >= ${t.periodStart}`),
    check("invoices_void_consistent", sql`(${t.status} = 'void') = (${t.voidedAt} is not null)`),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    quantity: numeric("quantity", { precision: 14, scale: 4 }).notNull(),
    unitPriceMinor: bigint("unit_price_minor", { mode: "number" }).notNull(),
    // Tax rate in basis points (2000 = 20%); tax is rounded per line, half away from zero.
    taxRateBp: integer("tax_rate_bp").notNull().default(0),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    taxMinor: bigint("tax_minor", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    index("invoice_lines_account_id_idx").on(t.accountId),
    unique("invoice_lines_invoice_position_key").on(t.invoiceId, t.position),
    foreignKey({ columns: [t.invoiceId, t.accountId], foreignColumns: [invoices.id, invoices.accountId] }).onDelete("cascade"),
    check("invoice_lines_tax_rate_range", sql`${t.taxRateBp} between 0 and 10000`),
  ],
);

export type Invoice = typeof invoices.$inferSelect;
export type NewInvoice = typeof invoices.$inferInsert;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
