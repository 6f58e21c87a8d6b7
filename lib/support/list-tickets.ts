import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supportTickets, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";

// The viewer's account's tickets, most recently active first (R-S1).
export async function listTickets(viewer: Viewer) {
  requirePermission(viewer, "support.use");
  const db = await getDb();
  return db
    .select({
      id: supportTickets.id,
      subject: supportTickets.subject,
      category: supportTickets.category,
      status: supportTickets.status,
      createdAt: supportTickets.createdAt,
      updatedAt: supportTickets.updatedAt,
      createdBy: users.name,
    })
    .from(supportTickets)
    .leftJoin(users, eq(users.id, supportTickets.createdByUserId))
    .where(eq(supportTickets.accountId, viewer.accountId))
    .orderBy(desc(supportTickets.updatedAt), desc(supportTickets.id))
    .limit(500);
}
