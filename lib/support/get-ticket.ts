import "server-only";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { loadTicketThread } from "./ticket-thread";

// One ticket of the viewer's account with its thread; another account's ticket is not found (404).
export async function getTicket(viewer: Viewer, ticketId: string) {
  requirePermission(viewer, "support.use");
  return loadTicketThread(await getDb(), viewer.accountId, ticketId);
}
