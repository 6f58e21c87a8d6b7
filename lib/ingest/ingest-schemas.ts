import { z } from "zod";
import { checkInvoiceDates, generationSchema, invoiceNumberSchema, quantitySchema, taxRateBpSchema } from "@/lib/invoices/invoice-input";
import { MAX_AMOUNT_MINOR } from "@/lib/money";
import { isoDaySchema, textSchema } from "@/lib/validation";

// JSON bodies of the ingest API (R-O2), documented in docs/ingest-api.md. Strict objects, so a
// misspelt field is a 422 naming it rather than silently ignored. Amounts are integer minor units.

const accountSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "An account slug: lower-case letters, digits and dashes");
const currencySchema = z.string().regex(/^[A-Z]{3}$/, "An ISO 4217 code such as USD");
const minorSchema = z
  .number()
  .int("Whole minor units (cents), not a decimal")
  .max(MAX_AMOUNT_MINOR, `At most ${MAX_AMOUNT_MINOR} minor units`)
  .min(-MAX_AMOUNT_MINOR, `At least -${MAX_AMOUNT_MINOR} minor units`);

export const ingestInvoiceSchema = z
  .strictObject({
    account: accountSlugSchema,
    number: invoiceNumberSchema,
    generation: generationSchema.optional(),
    currency: currencySchema,
    issueDate: isoDaySchema,
    dueDate: isoDaySchema,
    servicePeriod: z.strictObject({ start: isoDaySchema, end: isoDaySchema }),
    taxRateBp: taxRateBpSchema.default(0),
    lines: z
      .array(
        z.strictObject({
          description: textSchema({ min: 1, minMessage: "Describe the line", max: 500, maxMessage: "At most 500 characters" }),
          quantity: quantitySchema,
          unitPriceMinor: minorSchema,
          taxRateBp: taxRateBpSchema.optional(),
        }),
      )
      .min(1, "At least one line")
      .max(500, "At most 500 lines"),
  })
  .superRefine((v, ctx) =>
    checkInvoiceDates({ issueDate: v.issueDate, dueDate: v.dueDate, periodStart: v.servicePeriod.start, periodEnd: v.servicePeriod.end }, ctx, ["servicePeriod", "end"]),
  );

export const ingestPaymentSchema = z
  .strictObject({
    account: accountSlugSchema,
    receivedOn: isoDaySchema,
    amountMinor: minorSchema.refine((n) => n > 0, "Must be more than zero"),
    currency: currencySchema,
    method: z.enum(["card", "bank_transfer", "check", "other"]),
    reference: textSchema({ min: 1, minMessage: "Give a reference", max: 100, maxMessage: "At most 100 characters" }),
    // Omitted: allocated to the account's open invoices, oldest first.
    allocations: z
      .array(z.strictObject({ invoiceNumber: invoiceNumberSchema, amountMinor: minorSchema.refine((n) => n > 0, "Must be more than zero") }))
      .max(500, "At most 500 allocations")
      .optional(),
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
