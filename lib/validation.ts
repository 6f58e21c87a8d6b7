import { z } from "zod";
import { isIsoDate } from "@/lib/dates";

// Small zod pieces shared by several domains' schemas.

export const isoDaySchema = z.string().trim().refine(isIsoDate, "Enter a date as YYYY-MM-DD");

export const uuidSchema = z.uuid();

// Form fields arrive as "" when left empty; treat that as absent.
export function optionalText<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());
}

export type FieldErrors = Record<string, string>;

// zod issues as { "lines.0.quantity": "message" }: the first message per field, for forms and 422 bodies.
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

// A route parameter that must be a uuid: anything else is simply not found.
export function isUuid(value: string): boolean {
  return uuidSchema.safeParse(value).success;
}

// What a form's server action returns: success with a payload, or messages to show next to fields.
export type FormResult<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string; fieldErrors: FieldErrors };

export function formFailure(message: string, fieldErrors: FieldErrors = {}): { ok: false; message: string; fieldErrors: FieldErrors } {
  return { ok: false, message, fieldErrors };
}
