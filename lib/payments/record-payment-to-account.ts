import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { BALANCE_DUE } from "@/lib/invoices/balance-due";
import { recordPayment, type RecordPaymentInput } from "./record-payment";
import { allocateOldestFirst } from "./allocate-oldest-first";

export type PaymentToAccountInput = Omit<RecordPaymentInput, "allocations"> & {
  // Explicit amounts per invoice, or "oldest_first" to settle open invoices in order.
  allocations: RecordPaymentInput["allocations"] | "oldest_first";
};

// Records a payment, allocating it oldest first when asked. The oldest-first split is computed
// after locking the account's open invoices, so it uses balances no one else can change meanwhile.
// Note: provider-side and cross-account by design (operator console, ingest API).
export async function recordPaymentToAccount(db: Db, input: PaymentToAccountInput, actor: AuditActor) {
  return db.transaction(async (tx) => {
    let allocations = input.allocations;
    if (allocations === "oldest_first") {
      // Locked in id order, the same order recordPayment locks in, so two payments cannot deadlock.
      const open = await tx
        .select({ invoiceId: invoices.id, number: invoices.number, dueDate: invoices.dueDate, issueDate: invoices.issueDate, balanceMinor: BALANCE_DUE })
        .from(invoices)
        .where(and(eq(invoices.accountId, input.accountId), eq(invoices.status, "open")))
        .orderBy(asc(invoices.id))
        .for("update");
      allocations = allocateOldestFirst(open, input.amountMinor);
    }
    const payment = await recordPayment(tx, { ...input, allocations }, actor);
    return { payment, allocations };
  });
}
