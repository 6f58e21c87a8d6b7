import "server-only";
import { eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, invoiceAccessGrants, invoices, paymentMethods } from "@/db/schema";
import { GENERATION_3_GRACE_MS } from "@/lib/invoices/generation-rule";
import { deliverNotifications, type NewNotification } from "./deliver";
import { insertNotifications, recipientOf, type InsertedRow } from "./insert-notifications";
import { recipientsSql } from "./recipients-sql";
import { CARD_EXPIRY_THRESHOLDS, PAST_DUE_THRESHOLDS } from "./thresholds";

export type SweepResult = { notifications: number; alerts: number; emails: number };

const intArray = (values: readonly number[]) => sql.raw(`array[${values.map((v) => Math.trunc(v)).join(",")}]::int[]`);

// Finds every reminder that is due at `now` and notifies each (user, event, subject, threshold) once
// (R-N1, R-N4, R-N5): set-based INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING into
// notifications, then alerts and outbox emails for exactly the rows this sweep inserted, all in one
// transaction. Only the latest threshold crossed is considered, and only if no later one was sent,
// so a sweep that missed days catches up without sending superseded reminders.
// Note: a system job that deliberately spans all accounts; it never takes a viewer.
export async function runReminderSweep(db: Db, now: Date = new Date()): Promise<SweepResult> {
  return db.transaction(async (tx) => {
    const invoiceRows = await insertPastDueNotifications(tx, now);
    const cardRows = await insertCardExpiryNotifications(tx, now);
    const items = [...(await invoiceNotifications(tx, invoiceRows)), ...(await cardNotifications(tx, cardRows))];
    const delivered = await deliverNotifications(tx, items, now);
    return { notifications: items.length, ...delivered };
  });
}

// The calendar day `now` falls on in each account's own time zone, computed by PostgreSQL.
function accountToday(now: Date): SQL {
  return sql`(${now.toISOString()}::timestamptz at time zone ${accounts.timeZone})::date`;
}

// Open invoices with a balance, at least 2 calendar days past due in the account's zone, that the
// account can see (the Generation 3 rule, as in lib/invoices/visibility.ts).
function insertPastDueNotifications(tx: Db, now: Date) {
  const today = accountToday(now);
  const graceStart = new Date(now.getTime() - GENERATION_3_GRACE_MS).toISOString();
  const due = sql`
    select ${invoices.id} as subject_id, ${invoices.accountId} as account_id,
      (select max(t) from unnest(${intArray(PAST_DUE_THRESHOLDS)}) as t where t <= ${today} - ${invoices.dueDate}) as threshold
    from ${invoices} join ${accounts} on ${accounts.id} = ${invoices.accountId}
    where ${invoices.status} = 'open' and ${invoices.totalMinor} > ${invoices.paidMinor}
      and ${invoices.dueDate} <= ${today} - ${sql.raw(String(PAST_DUE_THRESHOLDS[0]))}
      and (${invoices.generation} = 4 or ${accounts.invoiceGeneration} = 3 or ${accounts.upgradedAt} > ${graceStart}::timestamptz
        or exists (select 1 from ${invoiceAccessGrants} g where g.account_id = ${invoices.accountId} and g.invoice_id = ${invoices.id}
                   and g.expires_at > ${now.toISOString()}::timestamptz))`;
  return insertNotifications(tx, "invoice_past_due", due, recipientsSql("invoices.view"), sql`n.threshold >= due.threshold`, now);
}

// Cards on file (not removed) within 30 days of the end of their expiry month, in the account's zone.
function insertCardExpiryNotifications(tx: Db, now: Date) {
  const daysLeft = sql`((make_date(${paymentMethods.expYear}, ${paymentMethods.expMonth}, 1) + interval '1 month' - interval '1 day')::date - ${accountToday(now)})`;
  const due = sql`
    select subject_id, account_id, (select min(t) from unnest(${intArray(CARD_EXPIRY_THRESHOLDS)}) as t where t >= days_left) as threshold
    from (
      select ${paymentMethods.id} as subject_id, ${paymentMethods.accountId} as account_id, ${daysLeft} as days_left
      from ${paymentMethods} join ${accounts} on ${accounts.id} = ${paymentMethods.accountId}
      where ${paymentMethods.removedAt} is null
    ) cards
    where days_left between 0 and ${sql.raw(String(Math.max(...CARD_EXPIRY_THRESHOLDS)))}`;
  return insertNotifications(tx, "card_expiring", due, recipientsSql("payments.read"), sql`n.threshold <= due.threshold`, now);
}

const accountFacts = { name: accounts.name, locale: accounts.locale, timeZone: accounts.timeZone };

async function invoiceNotifications(tx: Db, rows: InsertedRow[]): Promise<NewNotification[]> {
  if (rows.length === 0) return [];
  const facts = await tx
    .select({
      id: invoices.id,
      number: invoices.number,
      currency: invoices.currency,
      totalMinor: invoices.totalMinor,
      paidMinor: invoices.paidMinor,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      account: accountFacts,
    })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(inArray(invoices.id, [...new Set(rows.map((r) => r.subject_id))]));
  const byId = new Map(facts.map((f) => [f.id, f]));
  return rows.map((row) => {
    const { account, paidMinor, ...invoice } = byId.get(row.subject_id)!;
    return {
      notificationId: row.id,
      accountId: row.account_id,
      userId: row.user_id,
      recipient: recipientOf(row),
      account,
      facts: { event: "invoice_past_due", threshold: row.threshold, invoice: { ...invoice, balanceMinor: invoice.totalMinor - paidMinor } },
    };
  });
}

async function cardNotifications(tx: Db, rows: InsertedRow[]): Promise<NewNotification[]> {
  if (rows.length === 0) return [];
  const facts = await tx
    .select({ id: paymentMethods.id, brand: paymentMethods.brand, last4: paymentMethods.last4, expMonth: paymentMethods.expMonth, expYear: paymentMethods.expYear, account: accountFacts })
    .from(paymentMethods)
    .innerJoin(accounts, eq(accounts.id, paymentMethods.accountId))
    .where(inArray(paymentMethods.id, [...new Set(rows.map((r) => r.subject_id))]));
  const byId = new Map(facts.map((f) => [f.id, f]));
  return rows.map((row) => {
    const { account, ...card } = byId.get(row.subject_id)!;
    return {
      notificationId: row.id,
      accountId: row.account_id,
      userId: row.user_id,
      recipient: recipientOf(row),
      account,
      facts: { event: "card_expiring", threshold: row.threshold, card },
    };
  });
}
