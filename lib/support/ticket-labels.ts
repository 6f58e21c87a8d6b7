// Labels for ticket categories and statuses, shared by customer and operator screens. Pure.

export const TICKET_CATEGORIES = ["billing", "technical", "account", "gen3_invoice_request", "other"] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<TicketCategory, string> = {
  billing: "Billing question",
  technical: "Technical problem",
  account: "Account and access",
  gen3_invoice_request: "Generation 3 invoice request",
  other: "Something else",
};

// Operators move a ticket forward through these, in order (R-S1).
export const TICKET_STATUSES = ["open", "in_progress", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const STATUS_LABELS: Record<TicketStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  closed: "Closed",
};

// Forward moves only; a customer's reply reopens a resolved ticket, a closed one stays closed.
export function nextStatuses(status: TicketStatus): TicketStatus[] {
  return TICKET_STATUSES.slice(TICKET_STATUSES.indexOf(status) + 1);
}

export function monthLabel(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
}
