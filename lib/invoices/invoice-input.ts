import { z } from "zod";

// Pieces of an invoice posting shared by the operator form and the ingest API.

export const invoiceNumberSchema = z
  .string()
  .trim()
  .min(1, "Enter an invoice number")
  .max(40, "At most 40 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "Use letters, digits, dots, dashes, slashes or underscores");

// Up to 10 whole digits and 4 decimals (the column is numeric(14,4)); JSON may send a number.
export const quantitySchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^\d{1,10}(\.\d{1,4})?$/, "Enter a non-negative quantity with at most 4 decimals"));

export const taxRateBpSchema = z.number().int("Use whole basis points").min(0, "At least 0").max(10_000, "At most 10000 (100%)");

export const generationSchema = z.union([z.literal(3), z.literal(4)], { error: "Generation is 3 or 4" });

// "19" → 1900, "7.25" → 725: a percentage with up to 2 decimals in basis points.
export function percentToBasisPoints(percent: string): number {
  const [whole, fraction = ""] = percent.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export const taxPercentSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, "Enter a percentage like 19 or 7.5")
  .transform(percentToBasisPoints)
  .refine((bp) => bp <= 10_000, "At most 100%");

type Dated = { issueDate: string; dueDate: string; periodStart: string; periodEnd: string };

// Adds "due before issue" and "period ends before it starts" issues at the fields concerned.
export function checkInvoiceDates(value: Dated, ctx: z.RefinementCtx, periodEndPath: (string | number)[]) {
  if (value.dueDate < value.issueDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "The due date cannot be before the issue date" });
  if (value.periodEnd < value.periodStart) ctx.addIssue({ code: "custom", path: periodEndPath, message: "The service period cannot end before it starts" });
}
