import { bigint, date, numeric, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

// Per-account running sums of invoices and payments, one row per calendar day (invoices: also per
// month) and every stored attribute a default view of the Invoices + Payments tabs filters on, so a
// tab label, a list's count and its total read a few hundred of these rows instead of every
// invoice (issue 14).
// Note: written only by the statement-level triggers of migration 0009 (tab_summary_triggers), in
// the same statement as the invoice or payment row, so no code path can forget them. Sums are
// numeric: a day's total in one account can pass the bigint range (MAX_AMOUNT_MINOR × rows).
// The Generation 3 rule and "past due" depend on the time of reading; they are applied when reading
// (lib/invoices/tab-summary-sums.ts), never stored.

// The columns both invoice summaries share beside their date: fresh builders for each table.
const invoiceSumColumns = () => ({
  status: text("status", { enum: ["open", "paid", "void"] }).notNull(),
  generation: smallint("generation").notNull(),
  currency: text("currency").notNull(),
  invoiceCount: bigint("invoice_count", { mode: "number" }).notNull(),
  totalMinor: numeric("total_minor").notNull(),
  paidMinor: numeric("paid_minor").notNull(),
});

const accountColumn = () =>
  uuid("account_id")
    .notNull()
    .references(() => accounts.id, { onDelete: "cascade" });

// Invoices by issue date (the account's calendar day, as stored), stored status, generation and currency.
export const invoiceDaySummaries = pgTable("invoice_day_summaries", { accountId: accountColumn(), issueDate: date("issue_date").notNull(), ...invoiceSumColumns() }, (t) => [
  primaryKey({ name: "invoice_day_summaries_pkey", columns: [t.accountId, t.issueDate, t.status, t.generation, t.currency] }),
]);

// The same sums by calendar month (month = its first day): a window of whole months reads one row
// per month instead of one per day; only the months a window starts or ends in are read by day.
export const invoiceMonthSummaries = pgTable("invoice_month_summaries", { accountId: accountColumn(), month: date("month").notNull(), ...invoiceSumColumns() }, (t) => [
  primaryKey({ name: "invoice_month_summaries_pkey", columns: [t.accountId, t.month, t.status, t.generation, t.currency] }),
]);

// Payments by the day they were received, status and currency.
export const paymentDaySummaries = pgTable(
  "payment_day_summaries",
  {
    accountId: accountColumn(),
    receivedOn: date("received_on").notNull(),
    status: text("status", { enum: ["succeeded", "pending", "failed", "refunded"] }).notNull(),
    currency: text("currency").notNull(),
    paymentCount: bigint("payment_count", { mode: "number" }).notNull(),
    amountMinor: numeric("amount_minor").notNull(),
  },
  (t) => [primaryKey({ name: "payment_day_summaries_pkey", columns: [t.accountId, t.receivedOn, t.status, t.currency] })],
);
