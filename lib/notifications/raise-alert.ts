import "server-only";
import type { Db } from "@/db/client";
import { alerts } from "@/db/schema";

export type AlertInput = {
  accountId: string | null;
  userId: string;
  title: string;
  body?: string;
  href?: string | null;
  notificationId?: string | null;
};

// Adds an alert to one user's bell. Callers decide who gets it (preferences, recipients);
// pass the transaction handle so the alert commits with the event that caused it.
export async function raiseAlert(db: Db, input: AlertInput): Promise<void> {
  await db.insert(alerts).values({
    accountId: input.accountId,
    userId: input.userId,
    title: input.title,
    body: input.body ?? "",
    href: input.href ?? null,
    notificationId: input.notificationId ?? null,
  });
}
