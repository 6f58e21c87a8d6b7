import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";

// Messages per field ("lines.0.quantity" → ["…"]); forms show the first next to its field.
export type FieldErrors = Record<string, string[]>;
export type Issue = { path: string; message: string };

// AppError("invalid") details: the per-field messages forms show and the flat issue list HTTP
// error bodies carry (`details.issues`), both from the same zod issues.
export type InvalidDetails = { fieldErrors: FieldErrors; issues: Issue[] };

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

function invalidError(message: string | undefined, issues: Issue[]): AppError {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    if (!issue.path) formErrors.push(issue.message);
    else (fieldErrors[issue.path] ??= []).push(issue.message);
  }
  const details: InvalidDetails = { fieldErrors, issues };
  return new AppError("invalid", message ?? formErrors[0] ?? "Check the highlighted fields.", details);
}

// Parses input with a zod schema; a failure becomes AppError("invalid") carrying per-field
// messages, which forms show next to their fields and route handlers send as `issues`.
// `message` replaces the summary ("Check the highlighted fields." or the schema's form-level
// message). Zod's messages never echo the input.
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, message?: string): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidError(message, issuesOf(result.error));
}

// A refusal found after parsing (a duplicate number, an amount that doesn't fit the currency…):
// the summary plus one message per field, in the same shape parseInput throws.
export function invalidFields(message: string, fields: Record<string, string> = {}): AppError {
  return invalidError(message, Object.entries(fields).map(([path, text]) => ({ path, message: text })));
}

export function fieldErrorsOf(error: AppError): FieldErrors {
  const details = error.details as Partial<InvalidDetails> | undefined;
  return details?.fieldErrors ?? {};
}

// The one id format (route params, form ids, ids inside schemas); `error` is the field's message.
export function idSchema(error = "Not a valid id.") {
  return z.guid({ error });
}

// Route params and form ids: anything that is not a well-formed id is simply not found, like
// another account's id, so malformed input never reaches the database.
export function parseId(value: unknown, what = "Not found"): string {
  const result = idSchema().safeParse(value);
  if (!result.success) throw new AppError("not_found", what);
  return result.data;
}

// Small zod pieces shared by several domains' schemas.

export const isoDaySchema = z.string().trim().refine(isIsoDate, "Enter a date as YYYY-MM-DD");

// Form fields arrive as "" when left empty; treat that as absent.
export function optionalText<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());
}
