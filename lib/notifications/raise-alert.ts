import "server-only";
import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/insert-chunks";
import { alerts } from "@/db/schema";

export type AlertInput = {
  accountId: string | null;
  userId: string;
  title: string;
  body?: string;
  href?: string | null;
  notificationId?: string | null;
  // When the event happened; defaults to the database's now(). The reminder sweep passes its clock.
  createdAt?: Date;
};

function toRow(input: AlertInput) {
  return {
    accountId: input.accountId,
    userId: input.userId,
    title: input.title,
    body: input.body ?? "",
    href: input.href ?? null,
    notificationId: input.notificationId ?? null,
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  };
}

// Adds an alert to one user's bell. Callers decide who gets it (preferences, recipients);
// pass the transaction handle so the alert commits with the event that caused it.
export async function raiseAlert(db: Db, input: AlertInput): Promise<void> {
  await db.insert(alerts).values(toRow(input));
}

// The same for many alerts (a reminder sweep's batch), a bounded number of rows per statement.
export async function raiseAlerts(db: Db, inputs: AlertInput[]): Promise<void> {
  await insertInChunks(inputs, async (chunk) => {
    await db.insert(alerts).values(chunk.map(toRow));
    return [];
  });
}
