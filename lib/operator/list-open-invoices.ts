import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { BALANCE_DUE } from "@/lib/invoices/balance-due";
import { compareOldestFirst, type OpenBalance } from "@/lib/payments/allocate-oldest-first";
import { parseId } from "@/lib/validation";

// An account's open invoices with their balances, oldest first: what a payment can be allocated to.
// Note: operator-only and deliberately cross-account.
export async function listOpenInvoicesForOperator(operator: Operator, accountId: string): Promise<(OpenBalance & { totalMinor: number })[]> {
  requireOperator(operator);
  parseId(accountId, "Account not found");
  const db = await getDb();
  const rows = await db
    .select({
      invoiceId: invoices.id,
      number: invoices.number,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      totalMinor: invoices.totalMinor,
      balanceMinor: BALANCE_DUE,
    })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), eq(invoices.status, "open")));
  return rows.sort(compareOldestFirst);
}
