// GET /account/invoices/<id>/pdf — one invoice as a PDF rendered on the server (pdfkit).
import { providerAddress, providerName } from "@/lib/env";
import { withViewer } from "@/lib/http/route";
import { prepareInvoiceExport } from "@/lib/invoices/export-invoice";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";

export const GET = withViewer<{ id: string }>(async ({ viewer, origin, params }) => {
  const now = new Date();
  const { invoice, filename } = await prepareInvoiceExport(viewer, params.id, "pdf", origin, now);
  const pdf = await renderInvoicePdf(invoice, {
    providerName: providerName(),
    providerAddress: providerAddress(),
    accountName: viewer.account.name,
    locale: viewer.account.locale,
    timeZone: viewer.account.timeZone,
    generatedAt: now,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
