import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";

// Voids an open invoice with nothing paid on it; reminders stop because only open invoices are swept.
// Note: provider-side and cross-account by design (operator console, seed).
export async function voidInvoice(db: Db, invoiceId: string, reason: string, actor: AuditActor) {
  if (!reason.trim()) throw new AppError("invalid", "A reason is required to void an invoice");
  return db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for("update");
    if (!invoice) throw new AppError("not_found", "Invoice not found");
    if (invoice.status !== "open") throw new AppError("conflict", `Invoice ${invoice.number} is ${invoice.status}`);
    if (invoice.paidMinor > 0) throw new AppError("conflict", `Invoice ${invoice.number} has payments applied; refund them first`);
    const [voided] = await tx
      .update(invoices)
      .set({ status: "void", voidedAt: new Date(), voidReason: reason.trim() })
      .where(and(eq(invoices.id, invoiceId), eq(invoices.status, "open")))
      .returning();
    await recordAuditEvent(tx, {
      accountId: invoice.accountId,
      actor,
      action: "invoice.voided",
      target: { type: "invoice", id: invoice.id },
      details: { number: invoice.number, reason: reason.trim() },
    });
    return voided;
  });
}
