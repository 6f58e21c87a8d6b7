import "server-only";
import { getDb } from "@/db/client";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { isAppError } from "@/lib/errors";
import { recordPaymentToAccount } from "@/lib/payments/record-payment-to-account";
import { invalidFields, parseInput } from "@/lib/validation";
import { operatorActor } from "./operator-actor";
import { operatorPaymentSchema } from "./payment-form";
import { moneyFieldReader, operatorTargetAccount } from "./target-account";

// Records a payment into an account from the operator console and allocates it (R-O1): oldest
// first, or the amounts the operator chose. Over-allocation is refused by recordPayment under row locks.
// Note: operator-only and deliberately cross-account.
export async function recordPaymentAsOperator(operator: Operator, accountId: string, raw: unknown): Promise<{ paymentId: string }> {
  requireOperator(operator);
  const db = await getDb();
  const account = await operatorTargetAccount(db, accountId);
  const input = parseInput(operatorPaymentSchema, raw);

  const fieldErrors: Record<string, string> = {};
  const toMinor = moneyFieldReader(account.currency, fieldErrors);
  const amountMinor = toMinor(input.amount, "amount");
  if (amountMinor <= 0 && !fieldErrors.amount) fieldErrors.amount = "The amount must be more than zero";
  const manual = input.allocations
    .map((a, i) => ({ invoiceId: a.invoiceId, amountMinor: a.amount === "" ? 0 : toMinor(a.amount, `allocations.${i}.amount`) }))
    .filter((a) => a.amountMinor > 0);
  if (input.allocationMode === "manual" && manual.reduce((sum, a) => sum + a.amountMinor, 0) > amountMinor) {
    fieldErrors.allocations = "The allocations add up to more than the payment";
  }
  if (Object.keys(fieldErrors).length > 0) throw invalidFields("Check the highlighted fields.", fieldErrors);

  try {
    const { payment } = await recordPaymentToAccount(
      db,
      {
        accountId,
        receivedOn: input.receivedOn,
        amountMinor,
        reference: input.reference,
        method: input.method,
        allocations: input.allocationMode === "manual" ? manual : "oldest_first",
      },
      operatorActor(operator),
    );
    return { paymentId: payment.id };
  } catch (error) {
    if (isAppError(error) && (error.code === "conflict" || error.code === "invalid")) throw invalidFields(error.message, { allocations: error.message });
    if (isAppError(error) && error.code === "not_found")
      throw invalidFields("One of the invoices is not in this account.", { allocations: "One of the invoices is not in this account." });
    throw error;
  }
}
