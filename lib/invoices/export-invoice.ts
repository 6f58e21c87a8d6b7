import "server-only";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/access/load-viewer";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { getInvoice } from "./get-invoice";

export type InvoiceExportFormat = "csv" | "pdf";

// Loads one invoice for download under the same rules as its details page (permission, account,
// Generation 3) and records the export in the audit log (R-P6) before any byte is sent.
export async function prepareInvoiceExport(viewer: Viewer, invoiceId: string, format: InvoiceExportFormat, origin: RequestOrigin, now: Date) {
  const invoice = await getInvoice(viewer, invoiceId, now);
  await recordAuditEvent(await getDb(), {
    accountId: viewer.accountId,
    actor: { kind: "user", userId: viewer.userId, label: viewer.email },
    action: "invoice.exported",
    target: { type: "invoice", id: invoice.id },
    details: { format, number: invoice.number },
    origin,
  });
  return { invoice, filename: `${viewer.account.slug}-invoice-${invoice.number}.${format}` };
}
