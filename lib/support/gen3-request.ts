import "server-only";
import { and, between, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoiceAccessGrants, invoices } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { formatDay } from "@/lib/dates";
import { generation3Access } from "@/lib/invoices/generation-rule";
import { invalidFields } from "@/lib/validation";
import { gen3Window, isIssueDateInWindow, monthOverlapsWindow, monthRange, restorableRangeOfMonth, type Gen3Window } from "./gen3-window";
import { monthLabel } from "./ticket-labels";

type Gen3Input = { requestBy: "invoice" | "month"; invoiceNumber?: string; month?: string };
export type Gen3Request = { subject: string; requestedInvoiceId: string | null; requestedMonth: string | null; invoiceReference: string | null };

export function windowMessage(window: Gen3Window, locale: string): string {
  return `Support can only retrieve invoices from the previous 6 months (issued on or after ${formatDay(window.earliest, locale)}).`;
}

// The Generation 3 invoices of a month that may be restored: issued inside both the month and the window.
// Note: provider-side helper; callers scope `accountId` (the viewer's, or the ticket's for operators).
export async function gen3InvoicesOfMonth(db: Db, accountId: string, month: string, window: Gen3Window) {
  const range = restorableRangeOfMonth(month, window);
  if (!range) return [];
  return db
    .select({ id: invoices.id, number: invoices.number, issueDate: invoices.issueDate })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), eq(invoices.generation, 3), between(invoices.issueDate, range.from, range.to)))
    .orderBy(invoices.issueDate, invoices.number);
}

// Checks a customer's Generation 3 request against R-G3; a refusal is AppError("invalid") that
// says precisely why, next to the field.
export async function resolveGen3Request(db: Db, viewer: Viewer, input: Gen3Input, now: Date): Promise<Gen3Request> {
  const locale = viewer.account.locale;
  const window = gen3Window(now, viewer.account.timeZone);
  const hidden = generation3Access(viewer.account, now).state === "hidden";

  if (input.requestBy === "invoice") {
    const number = input.invoiceNumber ?? "";
    const [invoice] = await db
      .select({
        id: invoices.id,
        number: invoices.number,
        generation: invoices.generation,
        issueDate: invoices.issueDate,
        granted: sql<boolean>`exists (select 1 from ${invoiceAccessGrants} where ${and(eq(invoiceAccessGrants.accountId, viewer.accountId), eq(invoiceAccessGrants.invoiceId, invoices.id), gt(invoiceAccessGrants.expiresAt, now))})`,
      })
      .from(invoices)
      .where(and(eq(invoices.accountId, viewer.accountId), sql`lower(${invoices.number}) = lower(${number})`));
    if (!invoice) {
      throw invalidFields("We couldn't find that invoice.", { invoiceNumber: `There is no invoice ${number} in your account. Check the number on the invoice email or PDF.` });
    }
    if (invoice.generation === 4 || !hidden || invoice.granted) {
      throw invalidFields("That invoice is already available.", { invoiceNumber: `Invoice ${invoice.number} is already available in Invoices + Payments.` });
    }
    if (!isIssueDateInWindow(invoice.issueDate, window)) {
      const message = `Invoice ${invoice.number} was issued on ${formatDay(invoice.issueDate, locale)}. ${windowMessage(window, locale)}`;
      throw invalidFields("That invoice is older than 6 months.", { invoiceNumber: message });
    }
    return { subject: `Generation 3 invoice request: ${invoice.number}`, requestedInvoiceId: invoice.id, requestedMonth: null, invoiceReference: invoice.number };
  }

  const month = input.month ?? "";
  const label = monthLabel(month, locale);
  if (!hidden) {
    throw invalidFields("Nothing to request.", { month: "Your Generation 3 invoices are still shown in Invoices + Payments, so there is nothing to request." });
  }
  if (monthRange(month).first > window.today) throw invalidFields("That month is in the future.", { month: `${label} hasn't happened yet.` });
  if (!monthOverlapsWindow(month, window)) {
    const message = `${label} is more than 6 months ago. ${windowMessage(window, locale)}`;
    throw invalidFields("That month is older than 6 months.", { month: message });
  }
  const found = await gen3InvoicesOfMonth(db, viewer.accountId, month, window);
  if (found.length === 0) {
    throw invalidFields("No Generation 3 invoices that month.", { month: `No Generation 3 invoices were issued in ${label} within the previous 6 months.` });
  }
  return { subject: `Generation 3 invoice request: ${label}`, requestedInvoiceId: null, requestedMonth: monthRange(month).first, invoiceReference: null };
}
