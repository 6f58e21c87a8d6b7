import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";

export type OutboxDepth = { pending: number; oldestPendingAgeSeconds: number };

// How far behind the outbox is (metrics, issue 15 item 5): emails still pending (due now or
// waiting for a retry) and the age of the oldest, 0 when none. Counts only, never a recipient
// or a subject. Note: a system view across all accounts, for the operator's metrics page.
export async function outboxDepth(db: Db, now: Date): Promise<OutboxDepth> {
  const [row] = await db
    .select({ pending: sql<string | number>`count(*)`, oldest: sql<string | Date | null>`min(${emailOutbox.createdAt})` })
    .from(emailOutbox)
    .where(eq(emailOutbox.status, "pending"));
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : null;
  return { pending: Number(row?.pending ?? 0), oldestPendingAgeSeconds: oldest === null ? 0 : Math.max(0, (now.getTime() - oldest) / 1000) };
}
