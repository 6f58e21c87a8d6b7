// Note: a server action's arguments are whatever the client sent (Next decodes them from the
// request body), not necessarily a FormData. Another type reads as an empty form, so the action
// answers with its usual field errors instead of failing with a 500.
export function asFormData(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
