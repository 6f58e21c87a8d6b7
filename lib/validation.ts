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
  return invalidError(
    message,
    Object.entries(fields).map(([path, text]) => ({ path, message: text })),
  );
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

// Note: C0 control characters (NUL among them: PostgreSQL cannot store it in text) and DEL; a
// multi-line field keeps tab, line feed and carriage return. Bidi embedding/override/isolate
// characters (U+202A–U+202E, U+2066–U+2069) can make stored text read differently from what it
// is ("exe.txt" shown as "txt.exe"), so free text refuses them too.
const LINE_CONTROLS = /[\u0000-\u001f\u007f]/;
const MULTILINE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const ALL_CONTROLS = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

export type TextOptions = { max: number; min?: number; minMessage?: string; maxMessage?: string; multiline?: boolean };

// The one schema for stored free text (names, descriptions, references, messages): trimmed,
// min/max characters, and a 422 for control or Bidi override characters.
export function textSchema({ max, min = 0, minMessage, maxMessage, multiline = false }: TextOptions) {
  const controls = multiline ? MULTILINE_CONTROLS : LINE_CONTROLS;
  return z
    .string()
    .refine(
      (value) => !controls.test(value),
      multiline ? "Remove control characters (only tabs and line breaks are allowed)" : "Remove control characters such as tabs or line breaks",
    )
    .refine((value) => !BIDI_CONTROLS.test(value), "Remove text-direction override characters")
    .trim()
    .min(min, minMessage ?? `At least ${min} characters`)
    .max(max, maxMessage ?? `At most ${max} characters`);
}

// Search text and cursors from a URL are not stored and must never fail a page: control and
// Bidi characters are simply dropped.
export function stripControls(value: string): string {
  return value.replace(ALL_CONTROLS, "");
}

export function hasControls(value: string): boolean {
  return new RegExp(ALL_CONTROLS.source).test(value);
}

export const isoDaySchema = z.string().trim().refine(isIsoDate, "Enter a date as YYYY-MM-DD");

// Form fields arrive as "" when left empty; treat that as absent.
export function optionalText<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());
}
