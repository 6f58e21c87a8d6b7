// GET /account/invoices/export?tab=open|recent|payments&scope=all|current|filtered&delimiter=comma|semicolon&<page filters>
// A tab of the Invoices + Payments screen as a streamed, spreadsheet-safe CSV download (R-E1..R-E4).
import { errorResponse } from "@/lib/errors";
import { withExportSlot } from "@/lib/exports/export-limit";
import { requestOrigin, requireRouteViewer } from "@/lib/invoices/export-request";
import { exportInvoiceListCsv } from "@/lib/invoices/export-lists";

export async function GET(request: Request) {
  try {
    const viewer = await requireRouteViewer();
    const now = new Date();
    return await withExportSlot(viewer, now, () => exportInvoiceListCsv(viewer, new URL(request.url).searchParams, requestOrigin(request), now));
  } catch (error) {
    return errorResponse(error);
  }
}
