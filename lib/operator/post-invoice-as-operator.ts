import "server-only";
import { getDb } from "@/db/client";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { isAppError } from "@/lib/errors";
import { postInvoice } from "@/lib/invoices/post-invoice";
import { invalidFields, parseInput } from "@/lib/validation";
import { operatorInvoiceSchema } from "./invoice-form";
import { operatorActor } from "./operator-actor";
import { moneyFieldReader, operatorTargetAccount } from "./target-account";

// Posts an invoice into an account from the operator console (R-O1); postInvoice computes the
// totals and, in the same transaction, triggers the "invoice has posted" notifications.
// A duplicate number is refused next to the number field.
// Note: operator-only and deliberately cross-account.
export async function postInvoiceAsOperator(operator: Operator, accountId: string, raw: unknown): Promise<{ id: string; number: string }> {
  requireOperator(operator);
  const db = await getDb();
  const account = await operatorTargetAccount(db, accountId);
  const input = parseInput(operatorInvoiceSchema, raw);

  const fieldErrors: Record<string, string> = {};
  const toMinor = moneyFieldReader(account.currency, fieldErrors);
  const lines = input.lines.map((line, i) => ({
    description: line.description,
    quantity: line.quantity,
    unitPriceMinor: toMinor(line.unitPrice, `lines.${i}.unitPrice`),
    taxRateBp: input.taxRate,
  }));
  if (Object.keys(fieldErrors).length > 0) throw invalidFields("Check the highlighted fields.", fieldErrors);

  try {
    const invoice = await postInvoice(
      db,
      {
        accountId,
        number: input.number,
        generation: input.generation,
        issueDate: input.issueDate,
        dueDate: input.dueDate,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        lines,
      },
      operatorActor(operator),
    );
    return { id: invoice.id, number: invoice.number };
  } catch (error) {
    if (isAppError(error) && error.code === "conflict") throw invalidFields(error.message, { number: error.message });
    throw error;
  }
}
