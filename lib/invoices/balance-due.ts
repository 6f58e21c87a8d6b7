import { sql } from "drizzle-orm";
import { invoices } from "@/db/schema";

// Balance due: what the customer still owes on an invoice, as one SQL expression (lists, sums,
// sorting) and one JS function (rows already in hand). They are the same rule, written side by
// side; tests/integration/business-rules.test.ts runs both over the same invoices.
// Note: a void invoice owes nothing, whatever was paid on it.

export const BALANCE_DUE = sql<number>`(case when ${invoices.status} = 'void' then 0 else ${invoices.totalMinor} - ${invoices.paidMinor} end)`.mapWith(Number);

export type BalanceInput = { status: "open" | "paid" | "void"; totalMinor: number; paidMinor: number };

export function balanceDueMinor(invoice: BalanceInput): number {
  return invoice.status === "void" ? 0 : invoice.totalMinor - invoice.paidMinor;
}
