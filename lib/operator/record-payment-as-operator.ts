import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { AppError, isAppError } from "@/lib/errors";
import { decimalStringToMinor } from "@/lib/money";
import { recordPaymentToAccount } from "@/lib/payments/record-payment-to-account";
import { fieldMessagesOf, formFailure, isUuid, type FieldMessages, type FormResult } from "@/lib/validation";
import { operatorActor } from "./operator-actor";
import { operatorPaymentSchema } from "./payment-form";

// Records a payment into an account from the operator console and allocates it (R-O1): oldest
// first, or the amounts the operator chose. Over-allocation is refused by recordPayment under row locks.
// Note: operator-only and deliberately cross-account.
export async function recordPaymentAsOperator(operator: Operator, accountId: string, raw: unknown): Promise<FormResult<{ paymentId: string }>> {
  requireOperator(operator);
  if (!isUuid(accountId)) throw new AppError("not_found", "Account not found");
  const parsed = operatorPaymentSchema.safeParse(raw);
  if (!parsed.success) return formFailure("Check the highlighted fields.", fieldMessagesOf(parsed.error));
  const input = parsed.data;

  const db = await getDb();
  const [account] = await db.select({ currency: accounts.currency }).from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new AppError("not_found", "Account not found");

  const fieldErrors: FieldMessages = {};
  const toMinor = (value: string, field: string) => {
    try {
      return decimalStringToMinor(value, account.currency);
    } catch (error) {
      fieldErrors[field] = error instanceof RangeError ? error.message : "Enter an amount";
      return 0;
    }
  };
  const amountMinor = toMinor(input.amount, "amount");
  if (amountMinor <= 0 && !fieldErrors.amount) fieldErrors.amount = "The amount must be more than zero";
  const manual = input.allocations
    .map((a, i) => ({ invoiceId: a.invoiceId, amountMinor: a.amount === "" ? 0 : toMinor(a.amount, `allocations.${i}.amount`) }))
    .filter((a) => a.amountMinor > 0);
  if (input.allocationMode === "manual" && manual.reduce((sum, a) => sum + a.amountMinor, 0) > amountMinor) {
    fieldErrors.allocations = "The allocations add up to more than the payment";
  }
  if (Object.keys(fieldErrors).length > 0) return formFailure("Check the highlighted fields.", fieldErrors);

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
    return { ok: true, paymentId: payment.id };
  } catch (error) {
    if (isAppError(error) && (error.code === "conflict" || error.code === "invalid")) return formFailure(error.message, { allocations: error.message });
    if (isAppError(error) && error.code === "not_found") return formFailure("One of the invoices is not in this account.", { allocations: "One of the invoices is not in this account." });
    throw error;
  }
}
