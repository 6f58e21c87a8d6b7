import "server-only";
import type { Db } from "@/db/client";
import { postInvoice } from "@/lib/invoices/post-invoice";
import type { ApiClient } from "./authenticate-api-key";
import type { IngestResult } from "./idempotency";
import { ingestAccount } from "./ingest-account";
import type { IngestedInvoice } from "./ingest-responses";
import type { IngestInvoice } from "./ingest-schemas";

// POST /api/v1/invoices, after authentication, validation and the idempotency claim.
// Note: provider-side and cross-account: an API key may post into any account.
export async function ingestInvoice(tx: Db, input: IngestInvoice, client: ApiClient): Promise<IngestResult> {
  const account = await ingestAccount(tx, input.account, input.currency);
  const invoice = await postInvoice(
    tx,
    {
      accountId: account.id,
      number: input.number,
      generation: input.generation ?? (account.invoiceGeneration === 3 ? 3 : 4),
      issueDate: input.issueDate,
      dueDate: input.dueDate,
      periodStart: input.servicePeriod.start,
      periodEnd: input.servicePeriod.end,
      lines: input.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, taxRateBp: l.taxRateBp ?? input.taxRateBp })),
    },
    client.actor,
  );
  return {
    status: 201,
    body: {
      invoice: {
        id: invoice.id,
        account: account.slug,
        number: invoice.number,
        // The column is a smallint checked to be 3 or 4 (invoices_generation_valid).
        generation: invoice.generation as IngestedInvoice["invoice"]["generation"],
        status: invoice.status,
        currency: invoice.currency,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        servicePeriod: { start: invoice.periodStart, end: invoice.periodEnd },
        subtotalMinor: invoice.subtotalMinor,
        taxMinor: invoice.taxMinor,
        totalMinor: invoice.totalMinor,
      },
    } satisfies IngestedInvoice,
  };
}
