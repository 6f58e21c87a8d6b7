import { z } from "zod";
import { optionalText, textSchema } from "@/lib/validation";

const description = textSchema({ min: 1, minMessage: "Describe what you need", max: 5000, maxMessage: "At most 5000 characters", multiline: true });

const generalTicketSchema = z.object({
  category: z.enum(["billing", "technical", "account", "other"], { error: "Choose a category" }),
  subject: textSchema({ min: 3, minMessage: "Give the ticket a subject (at least 3 characters)", max: 200, maxMessage: "At most 200 characters" }),
  description,
  invoiceReference: optionalText(textSchema({ max: 40, maxMessage: "At most 40 characters" })),
});

// A Generation 3 request names one invoice or one month; the subject is written for the customer.
const gen3TicketSchema = z
  .object({
    category: z.literal("gen3_invoice_request"),
    requestBy: z.enum(["invoice", "month"], { error: "Choose an invoice number or a month" }),
    invoiceNumber: optionalText(textSchema({ max: 40, maxMessage: "At most 40 characters" })),
    month: optionalText(
      z
        .string()
        .trim()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choose a month"),
    ),
    description: optionalText(textSchema({ max: 5000, maxMessage: "At most 5000 characters", multiline: true })),
  })
  .superRefine((v, ctx) => {
    if (v.requestBy === "invoice" && !v.invoiceNumber) ctx.addIssue({ code: "custom", path: ["invoiceNumber"], message: "Enter the invoice number" });
    if (v.requestBy === "month" && !v.month) ctx.addIssue({ code: "custom", path: ["month"], message: "Choose the month the invoice was issued in" });
  });

export const newTicketSchema = z.discriminatedUnion("category", [generalTicketSchema, gen3TicketSchema], { error: "Choose a category" });
export type NewTicketInput = z.output<typeof newTicketSchema>;

export const ticketReplySchema = z.object({ body: textSchema({ min: 1, minMessage: "Write a reply", max: 5000, maxMessage: "At most 5000 characters", multiline: true }) });

export function newTicketFromData(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ["category", "subject", "description", "invoiceReference", "requestBy", "invoiceNumber", "month"]) {
    const value = form.get(name);
    if (typeof value === "string") out[name] = value;
  }
  return out;
}
