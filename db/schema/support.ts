import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { invoices } from "./invoices";
import { users } from "./users";

export const supportTickets = pgTable(
  "support_tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    category: text("category", { enum: ["billing", "technical", "account", "gen3_invoice_request", "other"] }).notNull(),
    status: text("status", { enum: ["open", "in_progress", "resolved", "closed"] })
      .notNull()
      .default("open"),
    invoiceReference: text("invoice_reference"),
    // For Generation 3 requests: the invoice asked for, or the month (first day) it was issued in.
    requestedInvoiceId: uuid("requested_invoice_id"),
    requestedMonth: date("requested_month"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Ascending on purpose: a backward scan serves ORDER BY … DESC (a DESC NULLS LAST index does not).
    index("support_tickets_account_created_idx").on(t.accountId, t.createdAt),
    unique("support_tickets_id_account_id_key").on(t.id, t.accountId),
    foreignKey({ columns: [t.requestedInvoiceId, t.accountId], foreignColumns: [invoices.id, invoices.accountId] }),
  ],
);

export const ticketMessages = pgTable(
  "ticket_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    fromOperator: boolean("from_operator").notNull().default(false),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("ticket_messages_account_id_idx").on(t.accountId),
    index("ticket_messages_ticket_idx").on(t.ticketId, t.createdAt),
    foreignKey({ columns: [t.ticketId, t.accountId], foreignColumns: [supportTickets.id, supportTickets.accountId] }).onDelete("cascade"),
  ],
);

// Time-limited access to a hidden Generation 3 invoice, granted when support fulfils a request (R-G3).
export const invoiceAccessGrants = pgTable(
  "invoice_access_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    ticketId: uuid("ticket_id"),
    grantedByUserId: uuid("granted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("invoice_access_grants_account_invoice_idx").on(t.accountId, t.invoiceId, t.expiresAt),
    foreignKey({ columns: [t.invoiceId, t.accountId], foreignColumns: [invoices.id, invoices.accountId] }).onDelete("cascade"),
    foreignKey({ columns: [t.ticketId, t.accountId], foreignColumns: [supportTickets.id, supportTickets.accountId] }),
    check("invoice_access_grants_expiry_after_grant", sql`${t.expiresAt} > ${t.grantedAt}`),
  ],
);

export type SupportTicket = typeof supportTickets.$inferSelect;
