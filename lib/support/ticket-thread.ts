import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoiceAccessGrants, invoices, supportTickets, ticketMessages, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validation";

// A ticket with its messages and the invoice access it granted, read within one account.
// Note: callers pass the account: the viewer's for customers, the ticket's own for operators.
// A ticket of another account is not found.
export async function loadTicketThread(db: Db, accountId: string, ticketId: string) {
  parseId(ticketId, "Ticket not found");
  const [ticket] = await db
    .select({
      id: supportTickets.id,
      accountId: supportTickets.accountId,
      subject: supportTickets.subject,
      category: supportTickets.category,
      status: supportTickets.status,
      invoiceReference: supportTickets.invoiceReference,
      requestedInvoiceId: supportTickets.requestedInvoiceId,
      requestedMonth: supportTickets.requestedMonth,
      createdAt: supportTickets.createdAt,
      updatedAt: supportTickets.updatedAt,
      createdBy: users.name,
    })
    .from(supportTickets)
    .leftJoin(users, eq(users.id, supportTickets.createdByUserId))
    .where(and(eq(supportTickets.id, ticketId), eq(supportTickets.accountId, accountId)));
  if (!ticket) throw new AppError("not_found", "Ticket not found");

  const [messages, grants] = await Promise.all([
    db
      .select({ id: ticketMessages.id, body: ticketMessages.body, fromOperator: ticketMessages.fromOperator, createdAt: ticketMessages.createdAt, author: users.name })
      .from(ticketMessages)
      .leftJoin(users, eq(users.id, ticketMessages.authorUserId))
      .where(and(eq(ticketMessages.ticketId, ticket.id), eq(ticketMessages.accountId, ticket.accountId)))
      .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id)),
    db
      .select({
        invoiceId: invoices.id,
        number: invoices.number,
        issueDate: invoices.issueDate,
        expiresAt: invoiceAccessGrants.expiresAt,
        grantedAt: invoiceAccessGrants.grantedAt,
      })
      .from(invoiceAccessGrants)
      .innerJoin(invoices, and(eq(invoices.id, invoiceAccessGrants.invoiceId), eq(invoices.accountId, invoiceAccessGrants.accountId)))
      .where(and(eq(invoiceAccessGrants.ticketId, ticket.id), eq(invoiceAccessGrants.accountId, ticket.accountId)))
      .orderBy(desc(invoiceAccessGrants.grantedAt), asc(invoices.number)),
  ]);
  return { ticket, messages, grants };
}

export type TicketThread = Awaited<ReturnType<typeof loadTicketThread>>;
