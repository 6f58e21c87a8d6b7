import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/db/client";
import { supportTickets, ticketMessages } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { raiseAlert } from "@/lib/notifications/raise-alert";
import { operatorActor } from "@/lib/operator/operator-actor";
import { invalidFields, parseId, parseInput } from "@/lib/validation";
import { nextStatuses, STATUS_LABELS, TICKET_STATUSES, type TicketStatus } from "./ticket-labels";
import { listSupportRecipients } from "./ticket-recipients";
import { ticketReplySchema } from "./ticket-schemas";

// Locks a ticket of any account for an operator action.
// Note: operator-only and deliberately across all accounts.
export async function lockTicket(tx: Db, ticketId: string) {
  const id = parseId(ticketId, "Ticket not found");
  const [ticket] = await tx.select().from(supportTickets).where(eq(supportTickets.id, id)).for("update");
  if (!ticket) throw new AppError("not_found", "Ticket not found");
  return ticket;
}

// Adds the provider's message to a thread and, unless the caller raises its own, alerts the
// account's support users.
export async function addOperatorMessage(tx: Db, operator: Operator, ticket: { id: string; accountId: string; subject: string }, body: string, now: Date, { alert = true } = {}) {
  const [message] = await tx
    .insert(ticketMessages)
    .values({ accountId: ticket.accountId, ticketId: ticket.id, authorUserId: operator.userId, fromOperator: true, body, createdAt: now })
    .returning({ id: ticketMessages.id });
  if (!alert) return message;
  for (const recipient of await listSupportRecipients(tx, ticket.accountId)) {
    await raiseAlert(tx, {
      accountId: ticket.accountId,
      userId: recipient.userId,
      title: `New reply from support: ${ticket.subject}`,
      body: body.slice(0, 200),
      href: `/support/tickets/${ticket.id}`,
    });
  }
  return message;
}

// An operator's reply (R-S1); a closed ticket takes no more replies.
export async function replyAsOperator(operator: Operator, ticketId: string, raw: unknown, now: Date): Promise<void> {
  requireOperator(operator);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    const { body } = parseInput(ticketReplySchema, raw);
    if (ticket.status === "closed") throw new AppError("conflict", "This ticket is closed.");
    await addOperatorMessage(tx, operator, ticket, body, now);
    await tx.update(supportTickets).set({ updatedAt: now }).where(eq(supportTickets.id, ticket.id));
    await recordAuditEvent(tx, {
      accountId: ticket.accountId,
      actor: operatorActor(operator),
      action: "ticket.replied",
      target: { type: "ticket", id: ticket.id },
      details: { subject: ticket.subject },
    });
  });
}

export const ticketStatusSchema = z.object({ status: z.enum(TICKET_STATUSES, { error: "Choose a status" }) });

// Moves a ticket forward: open → in progress → resolved → closed (steps may be skipped, never reversed).
export async function setTicketStatus(operator: Operator, ticketId: string, raw: unknown, now: Date): Promise<void> {
  requireOperator(operator);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    const status: TicketStatus = parseInput(ticketStatusSchema, raw, "Choose a status.").status;
    if (!nextStatuses(ticket.status).includes(status)) {
      throw invalidFields(`A ticket that is ${STATUS_LABELS[ticket.status].toLowerCase()} cannot move to ${STATUS_LABELS[status].toLowerCase()}.`, {
        status: "Not allowed from the current status",
      });
    }
    await tx
      .update(supportTickets)
      .set({ status, updatedAt: now })
      .where(and(eq(supportTickets.id, ticket.id), eq(supportTickets.status, ticket.status)));
    await recordAuditEvent(tx, {
      accountId: ticket.accountId,
      actor: operatorActor(operator),
      action: "ticket.status_changed",
      target: { type: "ticket", id: ticket.id },
      details: { from: ticket.status, to: status },
    });
  });
}
