import "server-only";
import { env } from "@/lib/env";
import { getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database, Db } from "@/db/client";
import { accounts, invoices, paymentMethods } from "@/db/schema";
import { BALANCE_DUE } from "@/lib/invoices/balance-due";
import { invoiceVisibleSql } from "@/lib/invoices/generation-rule";
import { observeSweep } from "@/lib/metrics/registry";
import { deliverNotifications, type NewNotification } from "./deliver";
import type { InsertedRow } from "./insert-notifications";
import { insertReminderBatch, type BatchCursor, type ReminderScan } from "./reminder-batch";
import { cardReminders, invoiceReminders } from "./reminder-facts";
import { recipientsSql } from "./recipients-sql";
import { pruneRescans, accountsChangedSince } from "./reminder-rescans";
import { finishSweepRun, getSweepBase, pruneSweepRuns, recordSweepProgress, startSweepRun, type SweepTotals } from "./sweep-runs";
import { cardExpiryMonths, cardExpiryWindow, pastDueWindow, type DueDateRange, type ExpiryMonth } from "./sweep-window";
import { CARD_EXPIRY_THRESHOLDS, PAST_DUE_THRESHOLDS } from "./thresholds";

// "window": only what could have become due since the last completed sweep (sweep-window.ts); "full": every open invoice.
export type SweepWalk = "window" | "full";
export type SweepResult = SweepTotals & { walk: SweepWalk };
export type SweepOptions = {
  // "full" walks every open invoice even when a window would do (a check that the window missed nothing).
  walk?: "full";
  // Most notifications (and due subjects read) per batch; each batch is one transaction.
  batchSize?: number;
  // Asked before each batch; false stops the run there (its leader lease was lost: another
  // instance now sweeps, so this one stops at a batch boundary, where stopping loses nothing).
  shouldContinue?: () => boolean;
};

// REMINDER_BATCH_SIZE (default 1 000): the most notifications written per transaction.
export function reminderBatchSize(): number {
  return env().REMINDER_BATCH_SIZE;
}

// Subjects read per step, as a multiple of the batch size: most open invoices need nothing.
const WALK_FACTOR = 5;

const intArray = (values: readonly number[]) => sql.raw(`array[${values.map((v) => Math.trunc(v)).join(",")}]::int[]`);

// Only the walked rows of `table`, under its own name: each looked up by its (account, id) with
// an index, once per walked row (OFFSET 0 keeps the lateral subquery a per-row lookup), whatever
// the statistics say. Note: as a join the planner may read all of a large account's rows to hash
// them for every batch; as `id = any(array(select id from walked))`, right after a backlog import
// (statistics not yet refreshed), it scanned the whole open-invoices index once per walked id
// (2 000 × 24 000 index entries per batch: 30 s statements in the 72 000-reminder test).
function walkedRowsOf(table: PgTable): SQL {
  return sql`walked cross join lateral (select * from ${table} t where t.id = walked.id and t.account_id = walked.account_id offset 0) as ${sql.identifier(getTableName(table))}`;
}

// The calendar day `now` falls on in each account's own time zone, computed by PostgreSQL.
function accountToday(now: Date): SQL {
  return sql`(${now.toISOString()}::timestamptz at time zone ${accounts.timeZone})::date`;
}

// What a sweep reads when it has a base (sweep-window.ts): the due dates and expiry months the
// calendar can have made due since, and everything of the accounts changed where the base could not
// see it (reminder_rescans).
type SweepWindow = { dueDates: DueDateRange[]; expiryMonths: ExpiryMonth[]; changedSince: string };

function windowedWalk(window: SweepWindow): ReminderScan["walk"] {
  const dueDates = sql.join(
    window.dueDates.map((r) => sql`${invoices.dueDate} between ${r.from}::date and ${r.to}::date`),
    sql` or `,
  );
  return (after, limit) => sql`
    select account_id, id from (
      select ${invoices.accountId} as account_id, ${invoices.id} as id from ${invoices}
      where ${invoices.status} = 'open' and (${dueDates}) and ${after(invoices.accountId, invoices.id)}
      union
      select ${invoices.accountId}, ${invoices.id} from ${invoices}
      where ${invoices.status} = 'open' and ${invoices.accountId} = any(array(${accountsChangedSince(window.changedSince)})) and ${after(invoices.accountId, invoices.id)}
    ) in_window
    order by account_id, id limit ${limit}`;
}

// Open invoices with a balance (BALANCE_DUE), at least 2 calendar days past due in the account's
// zone, that the account can see (the Generation 3 rule). The walk goes over the open ones only
// (invoices_open_account_id_idx), not the settled bulk of the table, or only those in the window.
function pastDueScan(now: Date, window: SweepWindow | null): ReminderScan {
  const today = accountToday(now);
  return {
    event: "invoice_past_due",
    recipients: recipientsSql("invoices.view"),
    supersededBy: sql`n.threshold >= due.threshold`,
    walk: window
      ? windowedWalk(window)
      : (after, limit) => sql`
      select ${invoices.accountId} as account_id, ${invoices.id} as id from ${invoices}
      where ${invoices.status} = 'open' and ${after(invoices.accountId, invoices.id)}
      order by ${invoices.accountId}, ${invoices.id} limit ${limit}`,
    due: sql`
      select ${invoices.id} as subject_id, ${invoices.accountId} as account_id,
        (select max(t) from unnest(${intArray(PAST_DUE_THRESHOLDS)}) as t where t <= ${today} - ${invoices.dueDate}) as threshold
      from ${walkedRowsOf(invoices)} join ${accounts} on ${accounts.id} = ${invoices.accountId}
      where ${invoices.status} = 'open' and ${BALANCE_DUE} > 0
        and ${invoices.dueDate} <= ${today} - ${sql.raw(String(PAST_DUE_THRESHOLDS[0]))}
        and ${invoiceVisibleSql(now)}`,
  };
}

const month = (m: ExpiryMonth) => sql`(${m.year}::int, ${m.month}::int)`;

// With a base, the cards of the expiry months in the window (usually none), and the cards of
// changed accounts in the months the full walk reads; both through the indexes.
function windowedCardWalk(now: Date, window: SweepWindow): ReminderScan["walk"] {
  const { from, to } = cardExpiryMonths(now);
  const expiryMonths = window.expiryMonths.length
    ? sql.join(
        window.expiryMonths.map((m) => sql`(${paymentMethods.expYear}, ${paymentMethods.expMonth}) = ${month(m)}`),
        sql` or `,
      )
    : sql`false`;
  return (after, limit) => sql`
    select account_id, id from (
      select ${paymentMethods.accountId} as account_id, ${paymentMethods.id} as id from ${paymentMethods}
      where ${paymentMethods.removedAt} is null and (${expiryMonths}) and ${after(paymentMethods.accountId, paymentMethods.id)}
      union
      select ${paymentMethods.accountId}, ${paymentMethods.id} from ${paymentMethods}
      where ${paymentMethods.removedAt} is null and ${paymentMethods.accountId} = any(array(${accountsChangedSince(window.changedSince)}))
        and (${paymentMethods.expYear}, ${paymentMethods.expMonth}) between ${month(from)} and ${month(to)} and ${after(paymentMethods.accountId, paymentMethods.id)}
    ) in_window
    order by account_id, id limit ${limit}`;
}

// Cards on file (not removed) within 30 days of the end of their expiry month, in the account's
// zone. The full walk reads only cards expiring this month or next (payment_methods_expiry_idx),
// the windowed one only what windowedCardWalk reads.
function cardExpiryScan(now: Date, window: SweepWindow | null): ReminderScan {
  const daysLeft = sql`((make_date(${paymentMethods.expYear}, ${paymentMethods.expMonth}, 1) + interval '1 month' - interval '1 day')::date - ${accountToday(now)})`;
  const { from, to } = cardExpiryMonths(now);
  return {
    event: "card_expiring",
    recipients: recipientsSql("payments.read"),
    supersededBy: sql`n.threshold <= due.threshold`,
    walk: window
      ? windowedCardWalk(now, window)
      : (after, limit) => sql`
      select ${paymentMethods.accountId} as account_id, ${paymentMethods.id} as id from ${paymentMethods}
      where ${paymentMethods.removedAt} is null and (${paymentMethods.expYear}, ${paymentMethods.expMonth}) between ${month(from)} and ${month(to)}
        and ${after(paymentMethods.accountId, paymentMethods.id)}
      order by ${paymentMethods.accountId}, ${paymentMethods.id} limit ${limit}`,
    due: sql`
      select subject_id, account_id, (select min(t) from unnest(${intArray(CARD_EXPIRY_THRESHOLDS)}) as t where t >= days_left) as threshold
      from (
        select ${paymentMethods.id} as subject_id, ${paymentMethods.accountId} as account_id, ${daysLeft} as days_left
        from ${walkedRowsOf(paymentMethods)} join ${accounts} on ${accounts.id} = ${paymentMethods.accountId}
      ) cards
      where days_left between 0 and ${sql.raw(String(Math.max(...CARD_EXPIRY_THRESHOLDS)))}`,
  };
}

type Kind = { scan: (now: Date, window: SweepWindow | null) => ReminderScan; describe: (tx: Db, rows: InsertedRow[]) => Promise<NewNotification[]> };
const KINDS: Kind[] = [
  { scan: pastDueScan, describe: invoiceReminders },
  { scan: cardExpiryScan, describe: cardReminders },
];

// One transaction's worth of the walk: steps of the current kind until one batch of notifications
// is written; a kind whose walk ends hands the rest of the batch to the next kind, so a person's
// reminders of both kinds still make one digest email when they fit in a batch (★).
async function runBatch(tx: Db, state: WalkState, batchSize: number, now: Date, window: SweepWindow | null) {
  const items: NewNotification[] = [];
  while (state.kind < KINDS.length && items.length < batchSize) {
    const kind = KINDS[state.kind];
    const limit = batchSize - items.length;
    const { rows, next } = await insertReminderBatch(tx, kind.scan(now, window), state.cursor, { walk: WALK_FACTOR * batchSize, limit }, now);
    items.push(...(await kind.describe(tx, rows)));
    if (next) {
      state.cursor = next;
      break;
    }
    state = { kind: state.kind + 1, cursor: null };
  }
  const delivered = await deliverNotifications(tx, items, now);
  return { state, notifications: items.length, ...delivered };
}

type WalkState = { kind: number; cursor: BatchCursor | null };

// Finds every reminder that is due at `now` and notifies each (user, event, subject, threshold) once
// (R-N1, R-N4, R-N5). Works in bounded batches, each its own transaction holding the notifications
// with their alerts and outbox emails, until nothing is due: a crash or a stop between batches loses
// nothing (the rest is still due) and duplicates nothing (the unique key, and what was committed is
// no longer due), so the next run picks up where this one stopped. Only the latest threshold
// crossed is sent, and only if no later one was, so a sweep that missed days catches up without
// sending superseded reminders. Each run is recorded in reminder_sweeps for the operator console.
// Note: a system job that deliberately spans all accounts; it never takes a viewer.
export async function runReminderSweep(db: Database, now: Date = new Date(), options: SweepOptions = {}): Promise<SweepResult> {
  const batchSize = options.batchSize ?? reminderBatchSize();
  const totals: SweepTotals = { batches: 0, notifications: 0, alerts: 0, emails: 0 };
  const started = performance.now();
  const base = await getSweepBase(db);
  const dueDates = pastDueWindow(base?.sweepAt ?? null, now);
  const expiryMonths = cardExpiryWindow(base?.sweepAt ?? null, now);
  const window = base && dueDates && expiryMonths && options.walk !== "full" ? { dueDates, expiryMonths, changedSince: base.startSnapshot } : null;
  const run = await startSweepRun(db, now);
  let state: WalkState = { kind: 0, cursor: null };
  try {
    while (state.kind < KINDS.length) {
      if (options.shouldContinue && !options.shouldContinue()) throw new Error("Stopped: another instance took over the reminder sweep's lease");
      const step = await db.transaction((tx) => runBatch(tx, { ...state }, batchSize, now, window));
      state = step.state;
      totals.batches += 1;
      totals.notifications += step.notifications;
      totals.alerts += step.alerts;
      totals.emails += step.emails;
      if (step.notifications > 0) await recordSweepProgress(db, run.id, totals);
    }
  } catch (error) {
    await finishSweepRun(db, run.id, totals, error);
    observeSweep((performance.now() - started) / 1000, totals.notifications, true);
    throw error;
  }
  await finishSweepRun(db, run.id, totals, null);
  // The marks no later windowed sweep reads: those its base saw. A first sweep (no base) walked
  // every account after it started, so the marks its own start saw are settled too: the windowed
  // sweep after a catch-up would otherwise delete a whole import's marks (six per account for a
  // provider's set-based seed: most of that sweep's time at 10 000 accounts).
  await pruneRescans(db, base ? base.startSnapshot : run.startSnapshot);
  await pruneSweepRuns(db, env().REMINDER_SWEEPS_KEEP_DAYS);
  observeSweep((performance.now() - started) / 1000, totals.notifications, false);
  return { ...totals, walk: window ? "window" : "full" };
}
