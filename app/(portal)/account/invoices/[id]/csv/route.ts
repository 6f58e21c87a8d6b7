// GET /account/invoices/<id>/csv — one invoice as a spreadsheet-safe CSV download.
import { csvDownload } from "@/lib/exports/csv-download";
import { withViewer } from "@/lib/http/route";
import { invoiceCsvColumns, invoiceCsvRows } from "@/lib/invoices/invoice-csv";
import { prepareInvoiceExport } from "@/lib/invoices/export-invoice";

export const GET = withViewer<{ id: string }>(async ({ viewer, origin, params }) => {
  const { invoice, filename } = await prepareInvoiceExport(viewer, params.id, "csv", origin, new Date());
  return csvDownload({ filename, columns: invoiceCsvColumns(invoice), batches: [invoiceCsvRows(invoice)] });
});
