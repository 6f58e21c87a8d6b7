import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { BALANCE_DUE } from "@/lib/invoices/balance-due";
import { recordPaymentToAccount } from "@/lib/payments/record-payment-to-account";
import type { ApiClient } from "./authenticate-api-key";
import type { IngestResult } from "./idempotency";
import { ingestAccount } from "./ingest-account";
import type { IngestedPayment } from "./ingest-responses";
import type { IngestPayment } from "./ingest-schemas";

// POST /api/v1/payments, after authentication, validation and the idempotency claim.
// Note: provider-side and cross-account: an API key may post into any account.
export async function ingestPayment(tx: Db, input: IngestPayment, client: ApiClient): Promise<IngestResult> {
  const account = await ingestAccount(tx, input.account, input.currency);

  let allocations: { invoiceId: string; amountMinor: number }[] | "oldest_first" = "oldest_first";
  if (input.allocations) {
    const numbers = input.allocations.map((a) => a.invoiceNumber);
    const found = numbers.length
      ? await tx
          .select({ id: invoices.id, number: invoices.number })
          .from(invoices)
          .where(and(eq(invoices.accountId, account.id), inArray(invoices.number, numbers)))
      : [];
    const issues = input.allocations.flatMap((a, i) =>
      found.some((f) => f.number === a.invoiceNumber) ? [] : [{ path: `allocations.${i}.invoiceNumber`, message: `No invoice ${a.invoiceNumber} in account "${account.slug}"` }],
    );
    if (issues.length) throw new AppError("invalid", "The request is invalid", { issues });
    allocations = input.allocations.map((a) => ({ invoiceId: found.find((f) => f.number === a.invoiceNumber)!.id, amountMinor: a.amountMinor }));
  }

  const result = await recordPaymentToAccount(
    tx,
    { accountId: account.id, receivedOn: input.receivedOn, amountMinor: input.amountMinor, reference: input.reference, method: input.method, allocations },
    client.actor,
  );
  // One array parameter: an oldest-first payment may settle any number of invoices.
  const ids = sql.param(result.allocations.map((a) => a.invoiceId));
  const settled = result.allocations.length
    ? await tx
        .select({ id: invoices.id, number: invoices.number, status: invoices.status, balanceMinor: BALANCE_DUE })
        .from(invoices)
        .where(sql`${invoices.id} = any(${ids}::uuid[])`)
    : [];
  const settledById = new Map(settled.map((s) => [s.id, s]));
  const allocatedMinor = result.allocations.reduce((sum, a) => sum + a.amountMinor, 0);
  return {
    status: 201,
    body: {
      payment: {
        id: result.payment.id,
        account: account.slug,
        receivedOn: result.payment.receivedOn,
        amountMinor: result.payment.amountMinor,
        currency: result.payment.currency,
        method: result.payment.method,
        reference: result.payment.reference,
        allocations: result.allocations.map((a) => {
          const invoice = settledById.get(a.invoiceId)!;
          return { invoiceNumber: invoice.number, amountMinor: a.amountMinor, invoiceStatus: invoice.status, invoiceBalanceMinor: invoice.balanceMinor };
        }),
        unallocatedMinor: result.payment.amountMinor - allocatedMinor,
      },
    } satisfies IngestedPayment,
  };
}
