import { z } from "zod";
import { checkInvoiceDates, generationSchema, invoiceNumberSchema, quantitySchema, taxPercentSchema } from "@/lib/invoices/invoice-input";
import { isoDaySchema, textSchema } from "@/lib/validation";

// The operator's "Post an invoice" form. Unit prices are decimals in the account's currency here;
// they become integer minor units before postInvoice computes the totals.
export const operatorInvoiceSchema = z
  .object({
    number: invoiceNumberSchema,
    generation: z.coerce.number().pipe(generationSchema),
    issueDate: isoDaySchema,
    dueDate: isoDaySchema,
    periodStart: isoDaySchema,
    periodEnd: isoDaySchema,
    taxRate: taxPercentSchema,
    lines: z
      .array(
        z.object({
          description: textSchema({ min: 1, minMessage: "Describe the line", max: 500, maxMessage: "At most 500 characters" }),
          quantity: quantitySchema,
          unitPrice: z
            .string()
            .trim()
            .regex(/^-?\d{1,12}(\.\d+)?$/, "Enter an amount like 49.90"),
        }),
      )
      .min(1, "Add at least one line")
      .max(100, "At most 100 lines"),
  })
  .superRefine((value, ctx) => checkInvoiceDates(value, ctx, ["periodEnd"]));

export type OperatorInvoiceInput = z.input<typeof operatorInvoiceSchema>;

// Reads the form's repeated line fields (same order in each list) into the schema's shape.
export function invoiceFormFromData(form: FormData): OperatorInvoiceInput {
  const text = (name: string) => String(form.get(name) ?? "");
  const all = (name: string) => form.getAll(name).map(String);
  const quantities = all("lineQuantity");
  const unitPrices = all("lineUnitPrice");
  return {
    number: text("number"),
    generation: text("generation"),
    issueDate: text("issueDate"),
    dueDate: text("dueDate"),
    periodStart: text("periodStart"),
    periodEnd: text("periodEnd"),
    taxRate: text("taxRate"),
    lines: all("lineDescription").map((description, i) => ({ description, quantity: quantities[i] ?? "", unitPrice: unitPrices[i] ?? "" })),
  };
}
