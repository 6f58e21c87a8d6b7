import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supportTickets, ticketMessages } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { AppError } from "@/lib/errors";
import { fieldMessagesOf, formFailure, isUuid, type FormResult } from "@/lib/validation";
import { ticketReplySchema } from "./ticket-schemas";

// A customer's reply (R-S1). It reopens a resolved ticket; a closed one takes no more replies.
// Operators see it as "awaiting reply" because the thread's last message is the customer's.
export async function replyToTicket(viewer: Viewer, ticketId: string, raw: unknown, now: Date): Promise<FormResult> {
  requirePermission(viewer, "support.use");
  if (!isUuid(ticketId)) throw new AppError("not_found", "Ticket not found");
  const parsed = ticketReplySchema.safeParse(raw);
  if (!parsed.success) return formFailure("Check the highlighted fields.", fieldMessagesOf(parsed.error));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [ticket] = await tx
      .select({ id: supportTickets.id, status: supportTickets.status })
      .from(supportTickets)
      .where(and(eq(supportTickets.id, ticketId), eq(supportTickets.accountId, viewer.accountId)))
      .for("update");
    if (!ticket) throw new AppError("not_found", "Ticket not found");
    if (ticket.status === "closed") return formFailure("This ticket is closed. Open a new ticket if you need more help.");
    await tx.insert(ticketMessages).values({ accountId: viewer.accountId, ticketId, authorUserId: viewer.userId, fromOperator: false, body: parsed.data.body, createdAt: now });
    await tx
      .update(supportTickets)
      .set({ updatedAt: now, status: ticket.status === "resolved" ? "open" : ticket.status })
      .where(and(eq(supportTickets.id, ticketId), eq(supportTickets.accountId, viewer.accountId)));
    return { ok: true as const };
  });
}
