import { formatInstant } from "@/lib/dates";

// Operators work across accounts, so their console uses one locale and shows instants in UTC.
export const OPERATOR_LOCALE = "en-US";

export function formatUtc(instant: Date): string {
  return `${formatInstant(instant, OPERATOR_LOCALE, "UTC")} UTC`;
}
