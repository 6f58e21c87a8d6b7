// GET /account/invoices/<id>/csv — one invoice as a spreadsheet-safe CSV download.
import { csvDownload } from "@/lib/exports/csv-download";
import { errorResponse } from "@/lib/errors";
import { invoiceCsvColumns, invoiceCsvRows } from "@/lib/invoices/invoice-csv";
import { prepareInvoiceExport } from "@/lib/invoices/export-invoice";
import { requestOrigin, requireRouteViewer } from "@/lib/invoices/export-request";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await requireRouteViewer();
    const { invoice, filename } = await prepareInvoiceExport(viewer, (await params).id, "csv", requestOrigin(request), new Date());
    return csvDownload({ filename, columns: invoiceCsvColumns(invoice), batches: [invoiceCsvRows(invoice)] });
  } catch (error) {
    return errorResponse(error);
  }
}
