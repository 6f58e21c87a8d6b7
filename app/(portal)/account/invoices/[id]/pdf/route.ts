// GET /account/invoices/<id>/pdf — one invoice as a PDF rendered on the server (pdfkit).
import { providerAddress, providerName } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { prepareInvoiceExport } from "@/lib/invoices/export-invoice";
import { requestOrigin, requireRouteViewer } from "@/lib/invoices/export-request";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await requireRouteViewer();
    const now = new Date();
    const { invoice, filename } = await prepareInvoiceExport(viewer, (await params).id, "pdf", requestOrigin(request), now);
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
  } catch (error) {
    return errorResponse(error);
  }
}
