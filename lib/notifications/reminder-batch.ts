import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { notifications } from "@/db/schema";
import type { InsertedRow } from "./insert-notifications";
import type { NotificationEvent } from "./recipient-permissions";

// Where a sweep stands in its walk over (account id, subject id, user id). `userId: null` means past
// every user of that subject. Both sweeps that may race walk the same order. Walking account by
// account keeps a person's reminders together, so they make one digest email, not one per batch.
export type BatchCursor = { accountId: string; subjectId: string; userId: string | null };

// One kind of reminder, as the batch statement needs it.
export type ReminderScan = {
  event: NotificationEvent;
  // The subjects that could be due, as `account_id, id`, whose (account, id) passes `after`, in that
  // order, at most `limit`: a walk over an index, so each step reads only its slice.
  walk: (after: (account: AnyColumn, id: AnyColumn) => SQL, limit: number) => SQL;
  // The due ones among the walked subjects (the table named `walked`): subject_id, account_id, threshold.
  due: SQL;
  // recipientsSql(permission): who hears about it (derived table).
  recipients: SQL;
  // Over `n` (a notification already sent) and `due`: which sent notification makes this one redundant.
  supersededBy: SQL;
};

// `walk`: subjects read per step; `limit`: notifications inserted per step at most. A walk a few
// times the limit keeps a sweep with little to do to few statements (each costs a plan).
export type BatchSizes = { walk: number; limit: number };

export type BatchResult = { rows: InsertedRow[]; next: BatchCursor | null };

type Row = InsertedRow & {
  kind: "summary" | "candidate" | "inserted";
  chunk_size: number;
  chunk_end: string | null;
  candidate_count: number;
  chunk_end_account: string | null;
  last_subject: string | null;
  last_user: string | null;
  last_account: string | null;
};

// The subjects a chunk starts from: strictly after a finished subject, or at a subject some of whose users remain.
function afterCursor(cursor: BatchCursor | null) {
  return (account: AnyColumn, id: AnyColumn): SQL => {
    if (!cursor) return sql`true`;
    const at = sql`(${cursor.accountId}::uuid, ${cursor.subjectId}::uuid)`;
    return cursor.userId === null ? sql`(${account}, ${id}) > ${at}` : sql`(${account}, ${id}) >= ${at}`;
  };
}

// One bounded step of the sweep (R-N5), in the caller's transaction: at most `walk` subjects
// walked from the cursor on, the due ones' recipients, minus what was already sent or superseded,
// at most `limit` of those pairs inserted (ON CONFLICT DO NOTHING: the unique key stays the guarantee when sweeps
// race). Returns what this statement inserted, with the recipient's channels, and where the next
// step starts (null when the walk is over). Each step reads O(walk) rows, so a sweep is linear.
// Rows go in in (account, subject, user) order, so concurrent sweeps wait on each other instead of deadlocking.
export async function insertReminderBatch(tx: Db, scan: ReminderScan, cursor: BatchCursor | null, sizes: BatchSizes, now: Date): Promise<BatchResult> {
  const { walk, limit } = sizes;
  const pairAfter = cursor?.userId ? sql`and (due.account_id, due.subject_id, r.user_id) > (${cursor.accountId}::uuid, ${cursor.subjectId}::uuid, ${cursor.userId}::uuid)` : sql``;
  const rows = await rawRows<Row>(
    tx,
    sql`
    with walked as materialized (${scan.walk(afterCursor(cursor), walk)}),
    -- Materialized, so the due subjects are found from the walked rows alone (an index lookup
    -- each: walkedRowsOf in reminder-sweep.ts) before any recipient is joined: inlined, with the
    -- statistics of a table just filled by a backlog import, the planner started from the
    -- recipients and, for each, read every open invoice of the account (seconds per batch).
    chunk as materialized (${scan.due}),
    candidates as (
      select due.account_id, r.user_id, due.subject_id, due.threshold, r.alert, r.email, r.email_address
      from chunk due join ${scan.recipients} r on r.account_id = due.account_id
      where due.threshold is not null ${pairAfter}
        -- OFFSET 0 keeps this a per-row subplan probing the unique key on all of (user, event,
        -- subject): as an anti-join the planner probed by (user, event) alone and filtered every
        -- notification of that user for each due row, which made the sweep quadratic.
        and not exists (
          select 1 from ${notifications} n
          where n.user_id = r.user_id and n.event = ${scan.event} and n.subject_id = due.subject_id and ${scan.supersededBy}
          offset 0
        )
      order by due.account_id, due.subject_id, r.user_id
      limit ${limit}
    ),
    inserted as (
      insert into ${notifications} (account_id, user_id, event, subject_id, threshold, created_at)
      select account_id, user_id, ${scan.event}, subject_id, threshold, ${now.toISOString()}::timestamptz
      from candidates order by account_id, subject_id, user_id
      on conflict (user_id, event, subject_id, threshold) do nothing
      returning id, user_id, subject_id
    ),
    summary as (
      select (select count(*) from walked)::int as chunk_size,
             (select id from walked order by account_id desc, id desc limit 1) as chunk_end,
             (select account_id from walked order by account_id desc, id desc limit 1) as chunk_end_account,
             (select count(*) from candidates)::int as candidate_count,
             (select subject_id from candidates order by account_id desc, subject_id desc, user_id desc limit 1) as last_subject,
             (select user_id from candidates order by account_id desc, subject_id desc, user_id desc limit 1) as last_user,
             (select account_id from candidates order by account_id desc, subject_id desc, user_id desc limit 1) as last_account
    )
    -- Three row sets in one answer, matched up in JavaScript: joining two CTEs (no statistics,
    -- no indexes) made the planner compare every inserted row with every candidate.
    select 'summary' as kind, null::uuid as id, null::uuid as account_id, null::uuid as user_id, null::uuid as subject_id, null::int as threshold,
           null::boolean as alert, null::boolean as email, null::text as email_address, summary.*
    from summary
    union all
    select 'candidate', null, account_id, user_id, subject_id, threshold, alert, email, email_address, null, null, null, null, null, null, null from candidates
    union all
    select 'inserted', id, null, user_id, subject_id, null, null, null, null, null, null, null, null, null, null, null from inserted`,
  );

  const summary = rows.find((r) => r.kind === "summary")!;
  const key = (r: { subject_id: string; user_id: string }) => `${r.subject_id}:${r.user_id}`;
  const candidates = new Map(rows.filter((r) => r.kind === "candidate").map((r) => [key(r), r]));
  const inserted = rows
    .filter((r) => r.kind === "inserted")
    .map((r) => {
      const { account_id, threshold, alert, email, email_address } = candidates.get(key(r))!;
      return { id: r.id, account_id, user_id: r.user_id, subject_id: r.subject_id, threshold, alert, email, email_address };
    });
  let next: BatchCursor | null = null;
  if (summary.candidate_count >= limit) next = { accountId: summary.last_account!, subjectId: summary.last_subject!, userId: summary.last_user! };
  else if (summary.chunk_size >= walk) next = { accountId: summary.chunk_end_account!, subjectId: summary.chunk_end!, userId: null };
  return { rows: inserted, next };
}
