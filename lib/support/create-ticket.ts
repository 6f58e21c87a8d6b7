import "server-only";
import { getDb } from "@/db/client";
import { supportTickets, ticketMessages } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { parseInput } from "@/lib/validation";
import { resolveGen3Request, type Gen3Request } from "./gen3-request";
import { newTicketSchema } from "./ticket-schemas";

// Opens a ticket in the viewer's account (R-S1); a Generation 3 request is checked against the
// 6-month window first (R-G3). The description becomes the first message of the thread.
export async function createTicket(viewer: Viewer, raw: unknown, now: Date): Promise<{ ticketId: string }> {
  requirePermission(viewer, "support.use");
  const input = parseInput(newTicketSchema, raw);
  const db = await getDb();

  const request: Gen3Request =
    input.category === "gen3_invoice_request"
      ? await resolveGen3Request(db, viewer, input, now)
      : { subject: input.subject, requestedInvoiceId: null, requestedMonth: null, invoiceReference: input.invoiceReference ?? null };
  const body = input.description ?? `Please restore ${request.invoiceReference ? `invoice ${request.invoiceReference}` : "the Generation 3 invoices of this month"}.`;

  const ticketId = await db.transaction(async (tx) => {
    const [ticket] = await tx
      .insert(supportTickets)
      .values({
        accountId: viewer.accountId,
        subject: request.subject,
        category: input.category,
        invoiceReference: request.invoiceReference,
        requestedInvoiceId: request.requestedInvoiceId,
        requestedMonth: request.requestedMonth,
        createdByUserId: viewer.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: supportTickets.id });
    await tx.insert(ticketMessages).values({ accountId: viewer.accountId, ticketId: ticket.id, authorUserId: viewer.userId, fromOperator: false, body, createdAt: now });
    return ticket.id;
  });
  return { ticketId };
}
