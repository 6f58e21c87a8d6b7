import { sql, type SQLWrapper } from "drizzle-orm";
import { invoices } from "@/db/schema";

// Balance due: what the customer still owes on an invoice, as one SQL expression (lists, sums,
// sorting) and one JS function (rows already in hand). They are the same rule, written side by
// side; tests/integration/business-rules.test.ts runs both over the same invoices.
// Note: a void invoice owes nothing, whatever was paid on it.

export const BALANCE_DUE = balanceDueSql(invoices.status, invoices.totalMinor, invoices.paidMinor).mapWith(Number);

// The same rule over any status, total and paid columns. It is linear in total and paid, so over
// the per-day sums of one status (invoice_day_summaries) it gives the sum of the invoices' balances.
export function balanceDueSql(status: SQLWrapper, totalMinor: SQLWrapper, paidMinor: SQLWrapper) {
  return sql<number>`(case when ${status} = 'void' then 0 else ${totalMinor} - ${paidMinor} end)`;
}

export type BalanceInput = { status: "open" | "paid" | "void"; totalMinor: number; paidMinor: number };

export function balanceDueMinor(invoice: BalanceInput): number {
  return invoice.status === "void" ? 0 : invoice.totalMinor - invoice.paidMinor;
}

// What an invoice billed, as the Recent tab totals it: a void invoice counts as a row but adds
// nothing. Over any status and total columns (invoice rows, or the per-day sums of one status).
export function billedSql(status: SQLWrapper, totalMinor: SQLWrapper) {
  return sql`case when ${status} = 'void' then 0 else ${totalMinor} end`;
}
