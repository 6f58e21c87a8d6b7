import { daysBetween } from "@/lib/dates";

// How an invoice's state reads to a customer. Pure: `today` is the account's calendar day.
export type InvoiceDisplayStatus = "open" | "past_due" | "paid" | "void";
export type PaymentStatus = "succeeded" | "pending" | "failed" | "refunded";

export const INVOICE_STATUS_LABELS: Record<InvoiceDisplayStatus, string> = { open: "Open", past_due: "Past due", paid: "Paid", void: "Void" };
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = { succeeded: "Succeeded", pending: "Pending", failed: "Failed", refunded: "Refunded" };

type StatusInput = { status: "open" | "paid" | "void"; dueDate: string };

export function invoiceDisplayStatus(invoice: StatusInput, today: string): InvoiceDisplayStatus {
  if (invoice.status !== "open") return invoice.status;
  return invoice.dueDate < today ? "past_due" : "open";
}

// Whole calendar days an open invoice is past its due date in the account's zone; 0 otherwise.
export function daysPastDue(invoice: StatusInput, today: string): number {
  return invoice.status === "open" ? Math.max(0, daysBetween(invoice.dueDate, today)) : 0;
}
