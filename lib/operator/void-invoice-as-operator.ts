import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { AppError } from "@/lib/errors";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { parseId, parseInput, textSchema } from "@/lib/validation";
import { operatorActor } from "./operator-actor";

export const voidReasonSchema = z.object({
  reason: textSchema({ min: 3, minMessage: "Give a reason (at least 3 characters)", max: 500, maxMessage: "At most 500 characters", multiline: true }),
});

// The invoice an operator is about to void, checked to belong to the account in the URL.
// Note: operator-only and deliberately cross-account.
export async function getInvoiceForOperator(operator: Operator, accountId: string, invoiceId: string) {
  requireOperator(operator);
  const account = parseId(accountId, "Invoice not found");
  const id = parseId(invoiceId, "Invoice not found");
  const db = await getDb();
  const [invoice] = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      status: invoices.status,
      totalMinor: invoices.totalMinor,
      paidMinor: invoices.paidMinor,
      currency: invoices.currency,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
    })
    .from(invoices)
    .where(and(eq(invoices.id, id), eq(invoices.accountId, account)));
  if (!invoice) throw new AppError("not_found", "Invoice not found");
  return invoice;
}

// Voids an open invoice with a reason (R-O1); reminders stop because only open invoices are swept.
// A conflict (already void, already paid) is refused with voidInvoice's own message.
export async function voidInvoiceAsOperator(operator: Operator, accountId: string, invoiceId: string, raw: unknown): Promise<void> {
  const invoice = await getInvoiceForOperator(operator, accountId, invoiceId);
  const { reason } = parseInput(voidReasonSchema, raw);
  await voidInvoice(await getDb(), invoice.id, reason, operatorActor(operator));
}
