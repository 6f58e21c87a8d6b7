import { z } from "zod";
import { INVOICE_STATUSES } from "@/lib/invoices/invoice-status";
import { paymentMethodSchema } from "./ingest-schemas";

// What the ingest API answers with 201 (docs/ingest-api.md): the OpenAPI document's response
// schemas (lib/ingest/openapi.ts), and the types ingestInvoice and ingestPayment build their
// bodies as, so the document cannot drift from what is sent.

const day = z.string().meta({ format: "date", description: "A calendar day, YYYY-MM-DD" });
const minor = z.number().int();

export const ingestedInvoiceSchema = z.object({
  invoice: z.object({
    id: z.uuid(),
    account: z.string().meta({ description: "The account's slug" }),
    number: z.string(),
    generation: z.union([z.literal(3), z.literal(4)]),
    status: z.enum(INVOICE_STATUSES),
    currency: z.string(),
    issueDate: day,
    dueDate: day,
    servicePeriod: z.object({ start: day, end: day }),
    subtotalMinor: minor,
    taxMinor: minor,
    totalMinor: minor,
  }),
});

export const ingestedPaymentSchema = z.object({
  payment: z.object({
    id: z.uuid(),
    account: z.string().meta({ description: "The account's slug" }),
    receivedOn: day,
    amountMinor: minor,
    currency: z.string(),
    method: paymentMethodSchema,
    reference: z.string(),
    allocations: z.array(
      z.object({
        invoiceNumber: z.string(),
        amountMinor: minor,
        invoiceStatus: z.enum(INVOICE_STATUSES).meta({ description: "The invoice's status after this payment" }),
        invoiceBalanceMinor: minor.meta({ description: "The invoice's balance after this payment" }),
      }),
    ),
    unallocatedMinor: minor.meta({ description: "What is left of the payment after its allocations" }),
  }),
});

export type IngestedInvoice = z.output<typeof ingestedInvoiceSchema>;
export type IngestedPayment = z.output<typeof ingestedPaymentSchema>;
