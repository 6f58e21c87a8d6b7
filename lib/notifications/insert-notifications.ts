import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { notifications } from "@/db/schema";
import type { NewNotification } from "./deliver";
import type { NotificationEvent } from "./recipient-permissions";

export type InsertedRow = { id: string; account_id: string; user_id: string; subject_id: string; threshold: number; alert: boolean; email: boolean; email_address: string };

export function recipientOf(row: InsertedRow): NewNotification["recipient"] {
  return { email: row.email_address, alert: row.alert, emailOn: row.email };
}

// For one event about one subject (an invoice just posted): its rows are that account's recipients,
// so the statement stays small. Sweeps over many subjects go through insertReminderBatch instead.
// Due rows (subject_id, account_id, threshold) → one notification per recipient in the same account,
// returning what this statement inserted with the recipient's channels. Rows go in in a fixed order,
// so concurrent sweeps wait on each other instead of deadlocking.
// `supersededBy` (over `n` and `due`) says which already-sent notification makes this one redundant.
export async function insertNotifications(tx: Db, event: NotificationEvent, due: SQL, recipients: SQL, supersededBy: SQL, now: Date) {
  return rawRows<InsertedRow>(
    tx,
    sql`
    with due as (${due}),
    recipients as ${recipients},
    inserted as (
      insert into ${notifications} (account_id, user_id, event, subject_id, threshold, created_at)
      select due.account_id, r.user_id, ${event}, due.subject_id, due.threshold, ${now.toISOString()}::timestamptz
      from due join recipients r on r.account_id = due.account_id
      where due.threshold is not null
        and not exists (
          select 1 from ${notifications} n
          where n.user_id = r.user_id and n.event = ${event} and n.subject_id = due.subject_id and ${supersededBy}
        )
      order by r.user_id, due.subject_id
      on conflict (user_id, event, subject_id, threshold) do nothing
      returning id, account_id, user_id, subject_id, threshold
    )
    select inserted.id, inserted.account_id, inserted.user_id, inserted.subject_id, inserted.threshold, r.alert, r.email, r.email_address
    from inserted join recipients r on r.user_id = inserted.user_id`,
  );
}
