import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { AppError, isAppError } from "@/lib/errors";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { fieldMessagesOf, formFailure, isUuid, type FormResult } from "@/lib/validation";
import { operatorActor } from "./operator-actor";

export const voidReasonSchema = z.object({ reason: z.string().trim().min(3, "Give a reason (at least 3 characters)").max(500, "At most 500 characters") });

// The invoice an operator is about to void, checked to belong to the account in the URL.
// Note: operator-only and deliberately cross-account.
export async function getInvoiceForOperator(operator: Operator, accountId: string, invoiceId: string) {
  requireOperator(operator);
  if (!isUuid(accountId) || !isUuid(invoiceId)) throw new AppError("not_found", "Invoice not found");
  const db = await getDb();
  const [invoice] = await db
    .select({ id: invoices.id, number: invoices.number, status: invoices.status, totalMinor: invoices.totalMinor, paidMinor: invoices.paidMinor, currency: invoices.currency, issueDate: invoices.issueDate, dueDate: invoices.dueDate })
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.accountId, accountId)));
  if (!invoice) throw new AppError("not_found", "Invoice not found");
  return invoice;
}

// Voids an open invoice with a reason (R-O1); reminders stop because only open invoices are swept.
export async function voidInvoiceAsOperator(operator: Operator, accountId: string, invoiceId: string, raw: unknown): Promise<FormResult> {
  await getInvoiceForOperator(operator, accountId, invoiceId);
  const parsed = voidReasonSchema.safeParse(raw);
  if (!parsed.success) return formFailure("Check the highlighted fields.", fieldMessagesOf(parsed.error));
  try {
    await voidInvoice(await getDb(), invoiceId, parsed.data.reason, operatorActor(operator));
    return { ok: true };
  } catch (error) {
    if (isAppError(error) && (error.code === "conflict" || error.code === "invalid")) return formFailure(error.message);
    throw error;
  }
}
