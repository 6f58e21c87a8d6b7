import { z } from "zod";
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
