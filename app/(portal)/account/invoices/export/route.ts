// GET /account/invoices/export?tab=open|recent|payments&scope=all|current|filtered&delimiter=comma|semicolon&<page filters>
// A tab of the Invoices + Payments screen as a streamed, spreadsheet-safe CSV download (R-E1..R-E4).
import { errorResponse } from "@/lib/errors";
import { acquireExportSlot, holdSlotWhileStreaming, type ExportSlot, withRetryAfter } from "@/lib/exports/export-limit";
import { requestOrigin, requireRouteViewer } from "@/lib/invoices/export-request";
import { exportInvoiceListCsv } from "@/lib/invoices/export-lists";

export async function GET(request: Request) {
  let slot: ExportSlot | null = null;
  try {
    const viewer = await requireRouteViewer();
    const now = new Date();
    slot = await acquireExportSlot(viewer, now);
    const response = await exportInvoiceListCsv(viewer, new URL(request.url).searchParams, requestOrigin(request), now);
    return holdSlotWhileStreaming(response, slot);
  } catch (error) {
    await slot?.release();
    return withRetryAfter(errorResponse(error), error);
  }
}
