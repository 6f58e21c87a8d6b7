import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { insertInChunks } from "@/db/insert-chunks";
import { accounts, invoiceAccessGrants, invoices, supportTickets } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { formatDay, isoDateInZone } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { raiseAlert } from "@/lib/notifications/raise-alert";
import { operatorActor } from "@/lib/operator/operator-actor";
import { gen3InvoicesOfMonth } from "./gen3-request";
import { GEN3_GRANT_MS, gen3Window } from "./gen3-window";
import { monthLabel } from "./ticket-labels";
import { listSupportRecipients } from "./ticket-recipients";
import { addOperatorMessage, lockTicket } from "./operator-ticket-actions";

// Fulfils a Generation 3 request in one step (R-G3): grants the account 30 days of access to the
// invoice (or the month's Generation 3 invoices, within the 6-month window as of the request),
// replies, resolves the ticket and raises an "invoice restored" alert. visibleInvoicesWhere shows
// a granted invoice while the grant lasts and hides it again after.
// Note: operator-only and deliberately across accounts.
export async function fulfilGen3Request(operator: Operator, ticketId: string, now: Date) {
  requireOperator(operator);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (ticket.category !== "gen3_invoice_request") throw new AppError("conflict", "This ticket is not a Generation 3 invoice request");
    if (ticket.status === "resolved" || ticket.status === "closed") throw new AppError("conflict", "This request has already been dealt with");
    const [account] = await tx.select({ timeZone: accounts.timeZone, locale: accounts.locale }).from(accounts).where(eq(accounts.id, ticket.accountId));

    const granted = ticket.requestedInvoiceId
      ? await tx
          .select({ id: invoices.id, number: invoices.number, issueDate: invoices.issueDate })
          .from(invoices)
          .where(and(eq(invoices.id, ticket.requestedInvoiceId), eq(invoices.accountId, ticket.accountId)))
      : ticket.requestedMonth
        ? await gen3InvoicesOfMonth(tx, ticket.accountId, ticket.requestedMonth.slice(0, 7), gen3Window(ticket.createdAt, account.timeZone))
        : [];
    if (granted.length === 0) throw new AppError("conflict", "There is no invoice to restore for this request");

    const expiresAt = new Date(now.getTime() + GEN3_GRANT_MS);
    // A month of a large account can hold thousands of invoices: a bounded number of rows per statement.
    await insertInChunks(granted, async (chunk) => {
      await tx
        .insert(invoiceAccessGrants)
        .values(chunk.map((invoice) => ({ accountId: ticket.accountId, invoiceId: invoice.id, ticketId: ticket.id, grantedByUserId: operator.userId, grantedAt: now, expiresAt })));
      return [];
    });

    const until = formatDay(isoDateInZone(expiresAt, account.timeZone), account.locale);
    const what =
      granted.length === 1
        ? `invoice ${granted[0].number}`
        : `${granted.length} invoices from ${monthLabel(ticket.requestedMonth!.slice(0, 7), account.locale)} (${granted.map((i) => i.number).join(", ")})`;
    const body = `We have restored ${what}. You can open and export ${granted.length === 1 ? "it" : "them"} in Invoices + Payments until ${until}.`;
    await addOperatorMessage(tx, operator, ticket, body, now, { alert: false });

    for (const recipient of await listSupportRecipients(tx, ticket.accountId)) {
      await raiseAlert(tx, {
        accountId: ticket.accountId,
        userId: recipient.userId,
        title: granted.length === 1 ? `Invoice ${granted[0].number} restored` : `${granted.length} invoices restored`,
        body: `Available until ${until}.`,
        href: recipient.canViewInvoices && granted.length === 1 ? `/account/invoices/${granted[0].id}` : `/support/tickets/${ticket.id}`,
      });
    }
    await tx.update(supportTickets).set({ status: "resolved", updatedAt: now }).where(eq(supportTickets.id, ticket.id));
    await recordAuditEvent(tx, {
      accountId: ticket.accountId,
      actor: operatorActor(operator),
      action: "invoice.access_granted",
      target: { type: "ticket", id: ticket.id },
      details: { invoices: granted.map((i) => i.number), expiresAt: expiresAt.toISOString() },
    });
    return { invoices: granted, expiresAt };
  });
}
