import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";

export type FieldErrors = Record<string, string[]>;

// Parses input with a zod schema; a failure becomes AppError("invalid") carrying per-field
// messages, which forms show next to their fields. Zod's messages never echo the input.
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".");
    if (!key) formErrors.push(issue.message);
    else (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError("invalid", formErrors[0] ?? "Check the highlighted fields.", { fieldErrors });
}

export function fieldErrorsOf(error: AppError): FieldErrors {
  const details = error.details as { fieldErrors?: FieldErrors } | undefined;
  return details?.fieldErrors ?? {};
}

const idSchema = z.guid();

// Route params and form ids: anything that is not a well-formed id is simply not found, like
// another account's id, so malformed input never reaches the database.
export function parseId(value: unknown): string {
  const result = idSchema.safeParse(value);
  if (!result.success) throw new AppError("not_found", "Not found");
  return result.data;
}


// Small zod pieces shared by several domains' schemas.

export const isoDaySchema = z.string().trim().refine(isIsoDate, "Enter a date as YYYY-MM-DD");

export const uuidSchema = z.uuid();

// Form fields arrive as "" when left empty; treat that as absent.
export function optionalText<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());
}

export type FieldMessages = Record<string, string>;

// zod issues as { "lines.0.quantity": "message" }: the first message per field, for forms and 422 bodies.
export function fieldMessagesOf(error: z.ZodError): FieldMessages {
  const out: FieldMessages = {};
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
export type FormResult<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string; fieldErrors: FieldMessages };

export function formFailure(message: string, fieldErrors: FieldMessages = {}): { ok: false; message: string; fieldErrors: FieldMessages } {
  return { ok: false, message, fieldErrors };
}
