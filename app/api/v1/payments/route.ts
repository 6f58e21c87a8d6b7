// POST /api/v1/payments — the provider's billing system records a payment (docs/ingest-api.md).
import { ingestRoute } from "@/lib/ingest/handle-ingest";
import { ingestPayment } from "@/lib/ingest/ingest-payment";
import { ingestPaymentSchema } from "@/lib/ingest/ingest-schemas";

export const POST = ingestRoute("POST /api/v1/payments", ingestPaymentSchema, ingestPayment);
