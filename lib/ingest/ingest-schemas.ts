import { z } from "zod";
import { checkInvoiceDates, generationSchema, invoiceNumberSchema, quantitySchema, taxRateBpSchema } from "@/lib/invoices/invoice-input";
import { MAX_AMOUNT_MINOR } from "@/lib/money";
import { isoDaySchema, textSchema } from "@/lib/validation";

// JSON bodies of the ingest API (R-O2), documented in docs/ingest-api.md. Strict objects, so a
// misspelt field is a 422 naming it rather than silently ignored. Amounts are integer minor units.
// These schemas validate the requests and are also the OpenAPI document's request schemas
// (lib/ingest/openapi.ts, z.toJSONSchema): `.meta()` adds what the JSON Schema cannot infer
// (formats, descriptions of rules checked in refinements); it changes no validation.

const accountSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "An account slug: lower-case letters, digits and dashes");
const currencySchema = z.string().regex(/^[A-Z]{3}$/, "An ISO 4217 code such as USD");
const minorSchema = z
  .number()
  .int("Whole minor units (cents), not a decimal")
  .max(MAX_AMOUNT_MINOR, `At most ${MAX_AMOUNT_MINOR} minor units`)
  .min(-MAX_AMOUNT_MINOR, `At least -${MAX_AMOUNT_MINOR} minor units`);
const positiveMinorSchema = minorSchema.positive("Must be more than zero");
const daySchema = isoDaySchema.meta({ format: "date", description: "A calendar day, YYYY-MM-DD" });

export const paymentMethodSchema = z.enum(["card", "bank_transfer", "check", "other"]);

// The Idempotency-Key header: 1–255 visible ASCII characters, e.g. a UUID.
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/);

export const ingestInvoiceSchema = z
  .strictObject({
    account: accountSlugSchema,
    number: invoiceNumberSchema.meta({ description: "Unique in the account" }),
    generation: generationSchema.optional().meta({ description: "Defaults to the account's current generation" }),
    currency: currencySchema.meta({ description: "The account's ISO 4217 code" }),
    issueDate: daySchema,
    dueDate: daySchema.meta({ description: "On or after issueDate (YYYY-MM-DD)" }),
    servicePeriod: z.strictObject({ start: daySchema, end: daySchema.meta({ description: "On or after start (YYYY-MM-DD)" }) }),
    taxRateBp: taxRateBpSchema.default(0).meta({ description: "Tax rate in basis points (1900 = 19%)" }),
    lines: z
      .array(
        z.strictObject({
          description: textSchema({ min: 1, minMessage: "Describe the line", max: 500, maxMessage: "At most 500 characters" }),
          quantity: quantitySchema.meta({ description: "A non-negative decimal with at most 4 decimals, as a number or a string", examples: ["3.5", 1] }),
          unitPriceMinor: minorSchema.meta({ description: "Integer minor units; negative for a discount" }),
          taxRateBp: taxRateBpSchema.optional().meta({ description: "Overrides the invoice's taxRateBp for this line" }),
        }),
      )
      .min(1, "At least one line")
      .max(500, "At most 500 lines"),
  })
  .meta({ description: "Every amount (each line's quantity × unit price and tax, the subtotal, tax and total) is at most 9 999 999 999 999 minor units." })
  .superRefine((v, ctx) =>
    checkInvoiceDates({ issueDate: v.issueDate, dueDate: v.dueDate, periodStart: v.servicePeriod.start, periodEnd: v.servicePeriod.end }, ctx, ["servicePeriod", "end"]),
  );

export const ingestPaymentSchema = z
  .strictObject({
    account: accountSlugSchema,
    receivedOn: daySchema,
    amountMinor: positiveMinorSchema,
    currency: currencySchema.meta({ description: "The account's ISO 4217 code" }),
    method: paymentMethodSchema,
    reference: textSchema({ min: 1, minMessage: "Give a reference", max: 100, maxMessage: "At most 100 characters" }).meta({ description: "Shown to the customer" }),
    // Omitted: allocated to the account's open invoices, oldest first.
    allocations: z
      .array(z.strictObject({ invoiceNumber: invoiceNumberSchema, amountMinor: positiveMinorSchema }))
      .max(500, "At most 500 allocations")
      .optional()
      .meta({ description: "Omitted: the payment settles the account's open invoices, oldest first. Their sum may not exceed amountMinor; an invoice may appear once." }),
  })
  .superRefine((v, ctx) => {
    if (!v.allocations) return;
    const seen = new Set<string>();
    v.allocations.forEach((a, i) => {
      if (seen.has(a.invoiceNumber)) ctx.addIssue({ code: "custom", path: ["allocations", i, "invoiceNumber"], message: "This invoice is already allocated above" });
      seen.add(a.invoiceNumber);
    });
    const total = v.allocations.reduce((sum, a) => sum + a.amountMinor, 0);
    if (total > v.amountMinor) ctx.addIssue({ code: "custom", path: ["allocations"], message: `Allocations add up to ${total}, more than the payment's ${v.amountMinor}` });
  });

export type IngestInvoice = z.output<typeof ingestInvoiceSchema>;
export type IngestPayment = z.output<typeof ingestPaymentSchema>;
