import { desc, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { reminderSweeps } from "@/db/schema";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { createTestAccount, createTestUser, setTestPreferences } from "../support/factories";

// Issue 16: a sweep with more due reminders than fit one statement (bind parameters, drizzle's
// recursion) or one transaction. PostgreSQL only (the normal run has DATABASE_URL): tens of
// thousands of rows on the in-memory PGlite would only test PGlite.
const onPostgres = !!process.env.DATABASE_URL;
const TODAY = "2026-12-20";
const NOW = new Date(`${TODAY}T12:00:00Z`);

// An account with three recipients of invoice reminders: an administrator on the defaults (alert
// only), a billing manager with alert and email, a billing viewer with email only; and `count`
// open invoices 2 to 61 days past due, inserted in one set-based statement.
async function accountWithDueInvoices(count: number) {
  const account = await createTestAccount();
  await createTestUser(account, ["account_admin"]);
  const manager = await createTestUser(account, ["billing_manager"]);
  await setTestPreferences(manager.viewer, { alert: true, email: true });
  const viewer = await createTestUser(account, ["billing_viewer"]);
  await setTestPreferences(viewer.viewer, { alert: false, email: true });
  await (
    await getDb()
  ).execute(sql`
    insert into invoices (account_id, number, generation, status, issue_date, due_date, period_start, period_end, currency, subtotal_minor, tax_minor, total_minor, paid_minor)
    select ${account.account.id}, 'SC-' || g, 4, 'open', d - 30, d, d - 60, d - 31, 'USD', 10000, 0, 10000, case when g % 3 = 0 then 2500 else 0 end
    from generate_series(1, ${count}::int) g cross join lateral (select ${TODAY}::date - 2 - (g % 60) as d) t`);
  return account.account.id;
}

type Written = { notifications: number; pairs: number; alertOn: number; alerts: number; alerted: number; emailOn: number; emailed: number; emails: number };

// What exists for these accounts, and whether each notification got exactly its deliveries:
// `alertOn`/`emailOn` count the notifications of users with that channel on (the administrator
// is alert only, the viewer email only); `alerted` counts notifications with exactly one alert;
// `emailed` adds up the reminders the outbox emails carry (a digest says how many in its
// subject, a single email is one).
async function writtenFor(accountIds: string[]): Promise<Written> {
  const ids = sql.param(accountIds);
  const [row] = await rawRows<Written>(
    await getDb(),
    sql`with n as (
      select n.id, n.user_id, n.subject_id, ro.built_in_key as role
      from notifications n join user_roles ur on ur.user_id = n.user_id join roles ro on ro.id = ur.role_id
      where n.account_id = any(${ids}::uuid[])
    )
    select
      (select count(*) from n)::int as "notifications",
      (select count(distinct (user_id, subject_id)) from n)::int as "pairs",
      (select count(*) from n where role <> 'billing_viewer')::int as "alertOn",
      (select count(*) from alerts where account_id = any(${ids}::uuid[]))::int as "alerts",
      (select count(*) from (select n.id from n join alerts a on a.notification_id = n.id group by n.id having count(*) = 1) once)::int as "alerted",
      (select count(*) from n where role <> 'account_admin')::int as "emailOn",
      (select coalesce(sum(coalesce(substring(subject from '^([0-9]+) billing reminders')::int, 1)), 0)
         from email_outbox where account_id = any(${ids}::uuid[]))::int as "emailed",
      (select count(*) from email_outbox where account_id = any(${ids}::uuid[]))::int as "emails"`,
  );
  return row;
}

describe.skipIf(!onPostgres)("reminders at a provider's scale", () => {
  it("two sweeps at once create each of 72 000 due reminders exactly once, with its alert and email", { timeout: 600_000 }, async () => {
    const accounts = [await accountWithDueInvoices(12_000), await accountWithDueInvoices(12_000)];
    const db = await getDb();

    const results = await Promise.all([runReminderSweep(db, NOW, { batchSize: 2_000 }), runReminderSweep(db, NOW, { batchSize: 2_000 })]);

    expect(results[0].notifications + results[1].notifications).toBe(72_000);
    const written = await writtenFor(accounts);
    expect(written.notifications).toBe(72_000);
    expect(written.pairs).toBe(72_000);
    // Administrator and billing manager have alerts on: 2 × 24 000, one each; the viewer has none.
    expect(written.alertOn).toBe(48_000);
    expect(written.alerts).toBe(48_000);
    expect(written.alerted).toBe(48_000);
    // Billing manager and viewer have email on: their 48 000 reminders, each in one email.
    expect(written.emailOn).toBe(48_000);
    expect(written.emailed).toBe(48_000);
    expect(results[0].emails + results[1].emails).toBe(written.emails);

    // Nothing is due any more: a third sweep finds nothing and writes nothing.
    expect((await runReminderSweep(db, NOW, { batchSize: 2_000 })).notifications).toBe(0);
    expect(await writtenFor(accounts)).toEqual(written);
  });

  it("a batch failing midway keeps the batches before it, loses and duplicates nothing when run again, and the failure is on record", { timeout: 300_000 }, async () => {
    const db = await getDb();
    const accountId = await accountWithDueInvoices(3_000);
    // A real failure inside the fifth batch's transaction: the 2 701st alert for this account
    // raises (batches of 1 000 notifications carry about 667 alerts, written 500 at a time).
    await db.execute(
      sql.raw(`
      create sequence scale_alerts_seen;
      create function scale_fail_alert() returns trigger language plpgsql as $$
      begin
        if nextval('scale_alerts_seen') > 2700 then raise exception 'injected failure in alert insert'; end if;
        return new;
      end $$;
      create trigger scale_fail_alert before insert on alerts for each row when (new.account_id = '${accountId}') execute function scale_fail_alert();`),
    );

    const error: unknown = await runReminderSweep(db, NOW, { batchSize: 1_000 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String((error as Error)?.cause ?? error)).toMatch(/injected failure in alert insert/);
    const partial = await writtenFor([accountId]);
    // Whole batches only: four of 1 000 committed, each with all its alerts and emails.
    expect(partial.notifications).toBe(4_000);
    expect(partial.alerts).toBe(partial.alertOn);
    expect(partial.alerted).toBe(partial.alertOn);
    expect(partial.emailed).toBe(partial.emailOn);
    const [failed] = await db.select().from(reminderSweeps).orderBy(desc(reminderSweeps.startedAt)).limit(1);
    expect(failed.error).toMatch(/injected failure in alert insert/);
    expect(failed.finishedAt).not.toBeNull();
    expect(failed.notifications).toBe(4_000);

    await db.execute(sql.raw(`drop trigger scale_fail_alert on alerts; drop function scale_fail_alert(); drop sequence scale_alerts_seen;`));
    const rerun = await runReminderSweep(db, NOW, { batchSize: 1_000 });
    expect(rerun.notifications).toBe(5_000);
    const written = await writtenFor([accountId]);
    expect(written).toMatchObject({ notifications: 9_000, pairs: 9_000, alertOn: 6_000, alerts: 6_000, alerted: 6_000, emailOn: 6_000, emailed: 6_000 });
    const [done] = await db.select().from(reminderSweeps).orderBy(desc(reminderSweeps.startedAt)).limit(1);
    expect(done).toMatchObject({ error: null, notifications: 5_000 });
  });
});
