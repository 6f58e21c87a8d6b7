import { z } from "zod";
import { idSchema, isoDaySchema, textSchema } from "@/lib/validation";

export const PAYMENT_METHODS = ["bank_transfer", "card", "check", "other"] as const;

export const PAYMENT_METHOD_LABELS: Record<(typeof PAYMENT_METHODS)[number], string> = {
  bank_transfer: "Bank transfer",
  card: "Card",
  check: "Check",
  other: "Other",
};

const decimalAmount = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d+)?$/, "Enter an amount like 120.00");

// The operator's "Record a payment" form: amounts are decimals in the account's currency.
export const operatorPaymentSchema = z.object({
  receivedOn: isoDaySchema,
  amount: decimalAmount,
  method: z.enum(PAYMENT_METHODS, { error: "Choose a method" }),
  reference: textSchema({ min: 1, minMessage: "Enter a reference", max: 100, maxMessage: "At most 100 characters" }),
  allocationMode: z.enum(["oldest_first", "manual"]),
  allocations: z.array(z.object({ invoiceId: idSchema(), amount: z.union([z.literal(""), decimalAmount]) })).max(500),
});

export type OperatorPaymentInput = z.input<typeof operatorPaymentSchema>;

export function paymentFormFromData(form: FormData): OperatorPaymentInput {
  const text = (name: string) => String(form.get(name) ?? "");
  const amounts = form.getAll("allocationAmount").map(String);
  return {
    receivedOn: text("receivedOn"),
    amount: text("amount"),
    method: text("method") as OperatorPaymentInput["method"],
    reference: text("reference"),
    allocationMode: text("allocationMode") === "manual" ? "manual" : "oldest_first",
    allocations: form.getAll("allocationInvoiceId").map((invoiceId, i) => ({ invoiceId: String(invoiceId), amount: (amounts[i] ?? "").trim() })),
  };
}
