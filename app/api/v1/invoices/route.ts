// POST /api/v1/invoices — the provider's billing system posts an invoice (docs/ingest-api.md).
import { ingestRoute } from "@/lib/ingest/handle-ingest";
import { ingestInvoice } from "@/lib/ingest/ingest-invoice";
import { ingestInvoiceSchema } from "@/lib/ingest/ingest-schemas";

export const POST = ingestRoute("POST /api/v1/invoices", ingestInvoiceSchema, ingestInvoice);
