import type { FieldErrors } from "@/lib/validation";

// What a server action hands back to its form: a message, errors per field, and the values to
// show again (never secrets: no passwords, card numbers or CVCs).
export type FormState = {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  // Set when the server refused because the change needs an explicit confirmation.
  needsConfirmation?: boolean;
  // Extra data a successful action returns (e.g. the invitation link shown to the admin).
  data?: Record<string, string>;
};

// The signature every form's server action has (bound arguments such as ids come first).
export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

export const IDLE: FormState = { status: "idle" };

// A record's action before its form binds the record id. Pages (app/) pass their server actions
// to form components as props: components/ never imports from app/ (eslint.config.mjs).
export type RecordFormAction = (id: string, state: FormState, form: FormData) => Promise<FormState>;

// AppError details.reason for a change that needs the user's explicit confirmation.
export const CONFIRMATION_REQUIRED = "confirmation_required";

// The first message per field ("lines.0.quantity" → "…"), for forms that show one under each control.
export type FieldMessages = Record<string, string>;

export function firstErrors(state: FormState): FieldMessages {
  if (state.status !== "error") return {};
  return Object.fromEntries(Object.entries(state.fieldErrors ?? {}).flatMap(([field, messages]) => (messages[0] ? [[field, messages[0]]] : [])));
}
