import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, invoices, paymentAllocations, payments } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { balanceDueMinor } from "@/lib/invoices/balance-due";

export type RecordPaymentInput = {
  accountId: string;
  receivedOn: string;
  amountMinor: number;
  reference: string;
  method: "card" | "bank_transfer" | "check" | "other";
  paymentMethodId?: string | null;
  allocations: { invoiceId: string; amountMinor: number }[];
};

// Records a payment and applies it to invoices; an invoice whose balance reaches zero is paid.
// Note: provider-side and cross-account by design (seed, operator console, ingest API). The
// invoices are locked FOR UPDATE, so concurrent allocations can never over-pay one.
export async function recordPayment(db: Db, input: RecordPaymentInput, actor: AuditActor) {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) throw new AppError("invalid", "Payment amount must be positive");
  const allocated = input.allocations.reduce((sum, a) => sum + a.amountMinor, 0);
  if (input.allocations.some((a) => !Number.isSafeInteger(a.amountMinor) || a.amountMinor <= 0)) {
    throw new AppError("invalid", "Each allocation must be a positive amount");
  }
  if (allocated > input.amountMinor) throw new AppError("invalid", "Allocations exceed the payment amount");
  if (new Set(input.allocations.map((a) => a.invoiceId)).size !== input.allocations.length) {
    throw new AppError("invalid", "An invoice appears twice in the allocations");
  }

  return db.transaction(async (tx) => {
    const [account] = await tx.select({ currency: accounts.currency }).from(accounts).where(eq(accounts.id, input.accountId));
    if (!account) throw new AppError("not_found", "Account not found");

    // Each list goes in as one array parameter: an oldest-first payment may settle any number of
    // invoices, and PostgreSQL takes at most 65 535 bind parameters per statement.
    const ids = sql.param(input.allocations.map((a) => a.invoiceId));
    const amounts = sql.param(input.allocations.map((a) => a.amountMinor));
    const locked = input.allocations.length
      ? await tx
          .select({ id: invoices.id, number: invoices.number, status: invoices.status, totalMinor: invoices.totalMinor, paidMinor: invoices.paidMinor })
          .from(invoices)
          .where(and(eq(invoices.accountId, input.accountId), sql`${invoices.id} = any(${ids}::uuid[])`))
          .orderBy(invoices.id)
          .for("update")
      : [];
    const lockedById = new Map(locked.map((i) => [i.id, i]));
    for (const allocation of input.allocations) {
      const invoice = lockedById.get(allocation.invoiceId);
      if (!invoice) throw new AppError("not_found", "Invoice not found in this account");
      if (invoice.status !== "open") throw new AppError("conflict", `Invoice ${invoice.number} is ${invoice.status}`);
      if (allocation.amountMinor > balanceDueMinor(invoice)) {
        throw new AppError("conflict", `Allocation exceeds the balance of invoice ${invoice.number}`);
      }
    }

    const [payment] = await tx
      .insert(payments)
      .values({
        accountId: input.accountId,
        receivedOn: input.receivedOn,
        amountMinor: input.amountMinor,
        currency: account.currency,
        reference: input.reference,
        method: input.method,
        paymentMethodId: input.paymentMethodId ?? null,
      })
      .returning();

    if (input.allocations.length > 0) {
      const applied = sql`unnest(${ids}::uuid[], ${amounts}::bigint[]) as applied (invoice_id, amount_minor)`;
      await tx.execute(sql`insert into ${paymentAllocations} (${sql.identifier(paymentAllocations.accountId.name)}, ${sql.identifier(paymentAllocations.paymentId.name)},
        ${sql.identifier(paymentAllocations.invoiceId.name)}, ${sql.identifier(paymentAllocations.amountMinor.name)})
        select ${input.accountId}::uuid, ${payment.id}::uuid, applied.invoice_id, applied.amount_minor from ${applied}`);
      // Every invoice in one statement: the summary trigger (migration 0009) then locks their
      // per-day summary rows once, in key order, so two payments touching the same days never
      // deadlock on them (one statement per invoice would lock them in allocation order).
      const paid = sql`${invoices.paidMinor} + applied.amount_minor`;
      await tx.execute(sql`update ${invoices} set ${sql.identifier(invoices.paidMinor.name)} = ${paid},
        ${sql.identifier(invoices.status.name)} = case when ${paid} = ${invoices.totalMinor} then 'paid' else 'open' end
        from ${applied} where ${and(eq(invoices.id, sql`applied.invoice_id`), eq(invoices.accountId, input.accountId))}`);
    }
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor,
      action: "payment.recorded",
      target: { type: "payment", id: payment.id },
      details: { amountMinor: payment.amountMinor, currency: payment.currency, reference: payment.reference, allocations: input.allocations },
    });
    return payment;
  });
}
