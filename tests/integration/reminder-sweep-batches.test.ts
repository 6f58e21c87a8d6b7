import { count, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, emailOutbox, notifications, reminderSweeps } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { createTestAccount, createTestCard, createTestInvoice, createTestUser, setTestPreferences, type TestAccount } from "../support/factories";

// Its own file, so its own database: the counts below are everything the sweeps wrote.
// The sweep's batches as seen from outside (R-N5): a batch boundary may fall between two subjects,
// between two users of one subject, or between the two kinds of reminder, and the walk reads only a
// few subjects per step; none of that may lose or repeat a reminder, and the run's totals are
// what it wrote.
const NOW = new Date("2026-12-20T17:00:00Z");

async function everyNotification() {
  const rows = await (
    await getDb()
  )
    .select({ userId: notifications.userId, event: notifications.event, subjectId: notifications.subjectId, threshold: notifications.threshold })
    .from(notifications);
  return rows.map((r) => `${r.userId} ${r.event} ${r.subjectId} ${r.threshold}`).sort();
}

async function tableCounts() {
  const db = await getDb();
  const [[n], [a], [e]] = await Promise.all([db.select({ n: count() }).from(notifications), db.select({ n: count() }).from(alerts), db.select({ n: count() }).from(emailOutbox)]);
  return { notifications: n.n, alerts: a.n, emails: e.n };
}

async function lastRun() {
  const [run] = await (await getDb()).select().from(reminderSweeps).orderBy(desc(reminderSweeps.startedAt), desc(reminderSweeps.id)).limit(1);
  return run;
}

// Three users who see invoices (two of them cards too), one with emails on; invoices 0 to 44 days
// past due, most of them due, and a card 11 days from its end.
async function accountWithReminders(): Promise<{ account: TestAccount; expected: string[] }> {
  const account = await createTestAccount({ timeZone: "UTC" });
  const admin = await createTestUser(account, ["account_admin"]);
  const billing = await createTestUser(account, ["billing_manager"]);
  const viewer = await createTestUser(account, ["billing_viewer"]);
  await setTestPreferences(billing.viewer, { alert: true, email: true });
  const expected: string[] = [];
  for (const [days, threshold] of [
    [0, null],
    [2, 2],
    [3, 2],
    [1, null],
    [12, 10],
    [44, 30],
    [15, 15],
    [1, null],
    [26, 25],
  ] as const) {
    const invoice = await createTestInvoice(account, { issueDate: addDays("2026-12-20", -days - 30), dueDate: addDays("2026-12-20", -days) }, { notify: false });
    if (threshold !== null) for (const u of [admin, billing, viewer]) expected.push(`${u.user.id} invoice_past_due ${invoice.id} ${threshold}`);
  }
  const card = await createTestCard(account, { expMonth: 12, expYear: 2026 });
  for (const u of [admin, billing]) expected.push(`${u.user.id} card_expiring ${card.id} 15`);
  return { account, expected };
}

describe("reminder sweep batches", () => {
  it("in batches of one, over more subjects than a walk step reads and several users per subject, sends every reminder once and totals what it wrote", async () => {
    const first = await accountWithReminders();
    const second = await accountWithReminders();
    const expected = [...first.expected, ...second.expected].sort();

    const result = await runReminderSweep(await getDb(), NOW, { batchSize: 1 });

    expect(await everyNotification()).toEqual(expected);
    const written = await tableCounts();
    expect(written.notifications).toBe(expected.length);
    // At least one batch per notification (a batch of one holds one), and the last, empty step; the first sweep walks everything.
    expect(result).toEqual({ ...written, batches: expect.any(Number), walk: "full" });
    expect(result.batches).toBeGreaterThan(expected.length);
    expect(written.emails).toBeGreaterThan(0);
    expect(await lastRun()).toMatchObject({ ...written, batches: result.batches, error: null });

    // Everything was sent: a second sweep, in one batch, finds nothing.
    expect(await runReminderSweep(await getDb(), NOW)).toMatchObject({ notifications: 0, alerts: 0, emails: 0 });
  });
});

describe("a walk step that finds nothing due", () => {
  it("walks on past it: a reminder after a whole step of invoices not yet due is still sent", async () => {
    // The walk goes in (account id, invoice id) order: the account that sorts first gets six open
    // invoices not yet due, more than a step reads (5 × the batch size of 1); the other a due one.
    const [quiet, due] = (await Promise.all([createTestAccount({ timeZone: "UTC" }), createTestAccount({ timeZone: "UTC" })])).sort((a, b) =>
      a.account.id < b.account.id ? -1 : 1,
    );
    await createTestUser(quiet, ["account_admin"]);
    const admin = await createTestUser(due, ["account_admin"]);
    for (let i = 0; i < 6; i++) await createTestInvoice(quiet, { issueDate: "2026-12-01", dueDate: "2026-12-31" }, { notify: false });
    const late = await createTestInvoice(due, { issueDate: "2026-11-01", dueDate: "2026-12-01" }, { notify: false });

    await runReminderSweep(await getDb(), NOW, { batchSize: 1 });

    expect(await everyNotification()).toContain(`${admin.user.id} invoice_past_due ${late.id} 15`);
  });
});

describe("a batch that moves on to the next kind of reminder", () => {
  it("fills only what is left of the batch: a person's reminders of both kinds make one digest per batch of five", async () => {
    const account = await createTestAccount({ timeZone: "UTC" });
    const billing = await createTestUser(account, ["billing_manager"]);
    await setTestPreferences(billing.viewer, { alert: true, email: true });
    for (const days of [2, 10]) await createTestInvoice(account, { issueDate: addDays("2026-12-20", -days - 30), dueDate: addDays("2026-12-20", -days) }, { notify: false });
    for (let i = 0; i < 5; i++) await createTestCard(account, { expMonth: 12, expYear: 2026 });

    // Batch one: both invoices and three of the cards; batch two: the other two cards.
    const result = await runReminderSweep(await getDb(), NOW, { batchSize: 5 });

    expect(result).toMatchObject({ notifications: 7, emails: 2 });
    const digests = await (await getDb()).select({ subject: emailOutbox.subject }).from(emailOutbox).where(eq(emailOutbox.userId, billing.user.id));
    expect(digests.map((d) => /^(\d+) billing reminders/.exec(d.subject)?.[1]).sort()).toEqual(["2", "5"]);
  });
});
