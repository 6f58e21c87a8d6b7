import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
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

// The row an alert is written as, defaults filled in (one place for both inserts below).
type AlertRow = { accountId: string | null; userId: string; title: string; body: string; href: string | null; notificationId: string | null; createdAt?: Date };
function toRow(input: AlertInput): AlertRow {
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

// The same for many alerts (a reminder sweep's batch) in one statement, one array parameter per
// column however many alerts: a multi-row insert built by drizzle makes several objects per value,
// which was a catch-up sweep's largest garbage after its emails.
export async function raiseAlerts(db: Db, inputs: AlertInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map(toRow);
  const column = (pick: (row: AlertRow) => string | null) => sql.param(rows.map(pick));
  const names = sql.join(
    [alerts.accountId, alerts.userId, alerts.title, alerts.body, alerts.href, alerts.notificationId, alerts.createdAt].map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  await db.execute(sql`insert into ${alerts} (${names})
    select account_id, user_id, title, body, href, notification_id, coalesce(created_at, now())
    from unnest(${column((r) => r.accountId)}::uuid[], ${column((r) => r.userId)}::uuid[], ${column((r) => r.title)}::text[],
                ${column((r) => r.body)}::text[], ${column((r) => r.href)}::text[], ${column((r) => r.notificationId)}::uuid[],
                ${column((r) => r.createdAt?.toISOString() ?? null)}::timestamptz[])
      as given (account_id, user_id, title, body, href, notification_id, created_at)`);
}
