import { and, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { invoices, payments } from "@/db/schema";
import { daysBetween } from "@/lib/dates";

// How an invoice's state reads to a customer, as a JS function and as the SQL condition the list
// filters use, side by side; tests/integration/business-rules.test.ts requires they agree.
// Pure: `today` is the account's calendar day. The stored status lists are the schema's own.

export const INVOICE_STATUSES = invoices.status.enumValues;
export const INVOICE_DISPLAY_STATUSES = ["open", "past_due", "paid", "void"] as const;
export const PAYMENT_STATUSES = payments.status.enumValues;

export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type InvoiceDisplayStatus = (typeof INVOICE_DISPLAY_STATUSES)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const INVOICE_STATUS_LABELS: Record<InvoiceDisplayStatus, string> = { open: "Open", past_due: "Past due", paid: "Paid", void: "Void" };
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = { succeeded: "Succeeded", pending: "Pending", failed: "Failed", refunded: "Refunded" };

export function isInvoiceDisplayStatus(value: string): value is InvoiceDisplayStatus {
  return (INVOICE_DISPLAY_STATUSES as readonly string[]).includes(value);
}

export function isPaymentStatus(value: string): value is PaymentStatus {
  return (PAYMENT_STATUSES as readonly string[]).includes(value);
}

type StatusInput = { status: InvoiceStatus; dueDate: string };

export function invoiceDisplayStatus(invoice: StatusInput, today: string): InvoiceDisplayStatus {
  if (invoice.status !== "open") return invoice.status;
  return invoice.dueDate < today ? "past_due" : "open";
}

// Invoices whose invoiceDisplayStatus on `today` is one of `statuses` (none given: no condition).
// Written per status rather than as a CASE so the open ones still use the partial index on status = 'open'.
export function displayStatusWhere(statuses: readonly InvoiceDisplayStatus[], today: string): SQL | undefined {
  const byStatus: SQL[] = [];
  if (statuses.includes("open")) byStatus.push(and(eq(invoices.status, "open"), gte(invoices.dueDate, today))!);
  if (statuses.includes("past_due")) byStatus.push(and(eq(invoices.status, "open"), lt(invoices.dueDate, today))!);
  const settled = statuses.filter((s): s is "paid" | "void" => s === "paid" || s === "void");
  if (settled.length > 0) byStatus.push(inArray(invoices.status, settled));
  return or(...byStatus);
}

// The label of invoiceDisplayStatus in SQL (the CSV export PostgreSQL writes itself).
export function invoiceStatusLabelSql(today: string): SQL {
  const label = (status: InvoiceDisplayStatus) => sql`${INVOICE_STATUS_LABELS[status]}::text`;
  return sql`(case ${invoices.status} when 'open' then (case when ${invoices.dueDate} < ${today} then ${label("past_due")} else ${label("open")} end) when 'paid' then ${label("paid")} when 'void' then ${label("void")} end)`;
}

// The label of a payment's status in SQL (the CSV export PostgreSQL writes itself).
export function paymentStatusLabelSql(): SQL {
  const labels = PAYMENT_STATUSES.map((status) => sql`when ${status} then ${PAYMENT_STATUS_LABELS[status]}::text`);
  return sql`(case ${payments.status}::text ${sql.join(labels, sql` `)} end)`;
}

// How an invoice reads to the provider's staff: open ones with money applied are "partly paid".
export type InvoiceLedgerStatus = "open" | "partly_paid" | "paid" | "void";

export function invoiceLedgerStatus(invoice: { status: InvoiceStatus; paidMinor: number }): InvoiceLedgerStatus {
  return invoice.status === "open" && invoice.paidMinor > 0 ? "partly_paid" : invoice.status;
}

// Whole calendar days an open invoice is past its due date in the account's zone; 0 otherwise.
export function daysPastDue(invoice: StatusInput, today: string): number {
  return invoice.status === "open" ? Math.max(0, daysBetween(invoice.dueDate, today)) : 0;
}

// The same in SQL (an integer).
export function daysPastDueSql(today: string): SQL {
  return sql`(case when ${invoices.status} = 'open' then greatest(0, ${today}::date - ${invoices.dueDate}) else 0 end)`;
}
