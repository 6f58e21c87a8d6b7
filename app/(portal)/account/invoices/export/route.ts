// GET /account/invoices/export?tab=open|recent|payments&scope=all|current|filtered&delimiter=comma|semicolon&<page filters>
// A tab of the Invoices + Payments screen as a streamed, spreadsheet-safe CSV download (R-E1..R-E4).
import { withExportSlot } from "@/lib/exports/export-limit";
import { redirectRefusedExport } from "@/lib/exports/export-refusal";
import { withViewer } from "@/lib/http/route";
import { exportInvoiceListCsv } from "@/lib/invoices/export-lists";

export const GET = withViewer(
  async ({ request, viewer, origin }) => {
    const now = new Date();
    return withExportSlot(viewer, now, () => exportInvoiceListCsv(viewer, new URL(request.url).searchParams, origin, now));
  },
  { onError: redirectRefusedExport("invoices") },
);
