import "server-only";
import { desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, supportTickets, ticketMessages } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validation";
import type { TicketStatus } from "./ticket-labels";
import { loadTicketThread } from "./ticket-thread";

// Which tickets the operator list shows: the ones still being worked, or one status.
export type OperatorTicketFilter = "active" | TicketStatus | "all";

// Every account's tickets for operators (R-S1). "Awaiting reply" marks a ticket whose last
// message is the customer's: the operators' unread marker.
// Note: operator-only and deliberately across all accounts.
export async function listTicketsForOperator(operator: Operator, filter: OperatorTicketFilter = "active") {
  requireOperator(operator);
  const db = await getDb();
  const where = filter === "all" ? undefined : filter === "active" ? inArray(supportTickets.status, ["open", "in_progress"]) : eq(supportTickets.status, filter);
  const rows = await db
    .select({
      id: supportTickets.id,
      subject: supportTickets.subject,
      category: supportTickets.category,
      status: supportTickets.status,
      updatedAt: supportTickets.updatedAt,
      accountId: accounts.id,
      accountName: accounts.name,
      lastFromOperator: sql<
        boolean | null
      >`(select ${ticketMessages.fromOperator} from ${ticketMessages} where ${ticketMessages.ticketId} = ${supportTickets.id} order by ${ticketMessages.createdAt} desc, ${ticketMessages.id} desc limit 1)`,
    })
    .from(supportTickets)
    .innerJoin(accounts, eq(accounts.id, supportTickets.accountId))
    .where(where)
    .orderBy(desc(supportTickets.updatedAt), desc(supportTickets.id))
    .limit(500);
  return rows.map(({ lastFromOperator, ...row }) => ({ ...row, awaitingReply: lastFromOperator === false && (row.status === "open" || row.status === "in_progress") }));
}

// One ticket of any account, with its thread and the account it belongs to.
// Note: operator-only and deliberately across all accounts.
export async function getTicketForOperator(operator: Operator, ticketId: string) {
  requireOperator(operator);
  parseId(ticketId, "Ticket not found");
  const db = await getDb();
  const [owner] = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      slug: accounts.slug,
      timeZone: accounts.timeZone,
      locale: accounts.locale,
      invoiceGeneration: accounts.invoiceGeneration,
      upgradedAt: accounts.upgradedAt,
    })
    .from(supportTickets)
    .innerJoin(accounts, eq(accounts.id, supportTickets.accountId))
    .where(eq(supportTickets.id, ticketId));
  if (!owner) throw new AppError("not_found", "Ticket not found");
  return { account: owner, ...(await loadTicketThread(db, owner.id, ticketId)) };
}
