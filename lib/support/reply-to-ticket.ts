import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supportTickets, ticketMessages } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { AppError } from "@/lib/errors";
import { parseId, parseInput } from "@/lib/validation";
import { ticketReplySchema } from "./ticket-schemas";

// A customer's reply (R-S1). It reopens a resolved ticket; a closed one takes no more replies.
// Operators see it as "awaiting reply" because the thread's last message is the customer's.
export async function replyToTicket(viewer: Viewer, ticketId: string, raw: unknown, now: Date): Promise<void> {
  requirePermission(viewer, "support.use");
  const id = parseId(ticketId, "Ticket not found");
  const { body } = parseInput(ticketReplySchema, raw);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [ticket] = await tx
      .select({ id: supportTickets.id, status: supportTickets.status })
      .from(supportTickets)
      .where(and(eq(supportTickets.id, id), eq(supportTickets.accountId, viewer.accountId)))
      .for("update");
    if (!ticket) throw new AppError("not_found", "Ticket not found");
    if (ticket.status === "closed") throw new AppError("conflict", "This ticket is closed. Open a new ticket if you need more help.");
    await tx.insert(ticketMessages).values({ accountId: viewer.accountId, ticketId: id, authorUserId: viewer.userId, fromOperator: false, body, createdAt: now });
    await tx
      .update(supportTickets)
      .set({ updatedAt: now, status: ticket.status === "resolved" ? "open" : ticket.status })
      .where(and(eq(supportTickets.id, id), eq(supportTickets.accountId, viewer.accountId)));
  });
}
