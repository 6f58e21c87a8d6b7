import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, invoiceLines, invoices } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { notifyInvoicePosted } from "@/lib/notifications/notify-invoice-posted";
import { invalidFields } from "@/lib/validation";
import { AmountLimitError, computeInvoiceTotals, type LineInput } from "./totals";

export type PostInvoiceInput = {
  accountId: string;
  number: string;
  generation: 3 | 4;
  issueDate: string;
  dueDate: string;
  periodStart: string;
  periodEnd: string;
  lines: (LineInput & { description: string })[];
  postedAt?: Date;
};

// Past the maximum amount is a 422 naming the field (the line's quantity, or the lines for the total).
function totalsOrInvalid(lines: LineInput[]) {
  try {
    return computeInvoiceTotals(lines);
  } catch (error) {
    if (error instanceof AmountLimitError) throw invalidFields(error.message, { [error.path]: error.message });
    throw error;
  }
}

// notify: false posts without "invoice posted" notifications (historical data such as the demo
// seed's back-catalogue); the default notifies the account's recipients in the same transaction.
export type PostInvoiceOptions = { notify?: boolean; now?: Date };

// Posts an invoice into an account: totals are computed here, once, from the lines.
// Note: provider-side and deliberately cross-account (seed, operator console, ingest API);
// callers must have checked that the actor is an operator or an API key.
export async function postInvoice(db: Db, input: PostInvoiceInput, actor: AuditActor, options: PostInvoiceOptions = {}) {
  if (input.lines.length === 0) throw new AppError("invalid", "An invoice needs at least one line");
  const totals = totalsOrInvalid(input.lines);
  if (totals.totalMinor < 0) throw new AppError("invalid", "An invoice total cannot be negative");

  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: accounts.id, currency: accounts.currency, billTo: accounts.billTo, name: accounts.name })
      .from(accounts)
      .where(eq(accounts.id, input.accountId));
    if (!account) throw new AppError("not_found", "Account not found");

    const [invoice] = await tx
      .insert(invoices)
      .values({
        accountId: account.id,
        number: input.number,
        generation: input.generation,
        issueDate: input.issueDate,
        dueDate: input.dueDate,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        currency: account.currency,
        billTo: account.billTo || account.name,
        subtotalMinor: totals.subtotalMinor,
        taxMinor: totals.taxMinor,
        totalMinor: totals.totalMinor,
        status: totals.totalMinor === 0 ? "paid" : "open",
        postedAt: input.postedAt ?? new Date(),
      })
      .onConflictDoNothing({ target: [invoices.accountId, invoices.number] })
      .returning();
    if (!invoice) throw new AppError("conflict", `Invoice ${input.number} already exists in this account`);

    await tx.insert(invoiceLines).values(
      input.lines.map((line, i) => ({
        accountId: account.id,
        invoiceId: invoice.id,
        position: i + 1,
        description: line.description,
        quantity: totals.lines[i].quantity,
        unitPriceMinor: line.unitPriceMinor,
        taxRateBp: line.taxRateBp,
        amountMinor: totals.lines[i].amountMinor,
        taxMinor: totals.lines[i].taxMinor,
      })),
    );
    await recordAuditEvent(tx, {
      accountId: account.id,
      actor,
      action: "invoice.posted",
      target: { type: "invoice", id: invoice.id },
      details: { number: invoice.number, totalMinor: invoice.totalMinor, currency: invoice.currency },
    });
    if (options.notify !== false) await notifyInvoicePosted(tx, invoice, options.now ?? new Date());
    return invoice;
  });
}
