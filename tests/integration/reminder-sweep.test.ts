import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, emailOutbox, notifications, paymentMethods, users } from "@/db/schema";
import { addDays, isoDateInZone } from "@/lib/dates";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { zonedInstant } from "../support/clock";
import { createTestAccount, createTestCard, createTestInvoice, createTestPayment, createTestUser, setTestPreferences, TEST_ACTOR, type TestAccount } from "../support/factories";

const NY = "America/New_York";

async function sweepAt(isoDate: string, timeZone: string, time = "09:00") {
  return runReminderSweep(await getDb(), zonedInstant(isoDate, time, timeZone));
}

async function thresholdsFor(subjectId: string, userId: string) {
  const rows = await (
    await getDb()
  )
    .select({ threshold: notifications.threshold })
    .from(notifications)
    .where(and(eq(notifications.subjectId, subjectId), eq(notifications.userId, userId)))
    .orderBy(asc(notifications.createdAt));
  return rows.map((r) => r.threshold);
}

// What a sweep wrote for one account (other tests' accounts share this database).
async function writtenFor(accountId: string) {
  const db = await getDb();
  const [[n], [a], [e]] = await Promise.all([
    db.select({ n: count() }).from(notifications).where(eq(notifications.accountId, accountId)),
    db.select({ n: count() }).from(alerts).where(eq(alerts.accountId, accountId)),
    db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.accountId, accountId)),
  ]);
  return { notifications: n.n, alerts: a.n, emails: e.n };
}

async function accountWithAdmin(timeZone = NY) {
  const account = await createTestAccount({ timeZone });
  const admin = await createTestUser(account, ["account_admin"]);
  return { account, admin };
}

// Walks calendar days, sweeping once a day, and records on which day each new reminder appeared.
async function walk(account: TestAccount, from: string, days: number, subjectId: string, userId: string, before?: (day: number) => Promise<void>) {
  const seen: Record<string, number> = {};
  let known = 0;
  for (let day = 0; day <= days; day++) {
    await before?.(day);
    await sweepAt(addDays(from, day), account.account.timeZone);
    const thresholds = await thresholdsFor(subjectId, userId);
    for (const t of thresholds.slice(known)) seen[addDays(from, day)] = t;
    known = thresholds.length;
  }
  return seen;
}

describe("past-due reminders (time travel)", () => {
  it("walks an invoice day by day to day 35 and reminds exactly on days 2, 10, 15, 25 and 30", async () => {
    const { account, admin } = await accountWithAdmin();
    const invoice = await createTestInvoice(account, { issueDate: "2026-11-01", dueDate: "2026-12-01" }, { notify: false });
    const seen = await walk(account, "2026-12-01", 35, invoice.id, admin.user.id);
    expect(seen).toEqual({ "2026-12-03": 2, "2026-12-11": 10, "2026-12-16": 15, "2026-12-26": 25, "2026-12-31": 30 });

    const titles = (await (await getDb()).select({ title: alerts.title }).from(alerts).where(eq(alerts.userId, admin.user.id))).map((a) => a.title);
    expect(titles).toHaveLength(5);
    expect(titles).toContain(`Invoice ${invoice.number} is 10 days past due — $100.00`);
  });

  it("stops reminding once the invoice is paid on day 12", async () => {
    const { account, admin } = await accountWithAdmin();
    const invoice = await createTestInvoice(account, { issueDate: "2026-11-01", dueDate: "2026-12-01" }, { notify: false });
    const seen = await walk(account, "2026-12-01", 35, invoice.id, admin.user.id, async (day) => {
      if (day === 12)
        await createTestPayment(account, { amountMinor: invoice.totalMinor, receivedOn: "2026-12-13", allocations: [{ invoiceId: invoice.id, amountMinor: invoice.totalMinor }] });
    });
    expect(Object.values(seen)).toEqual([2, 10]);
  });

  it("keeps reminding about the rest of a partly paid invoice, and not about void ones", async () => {
    const { account, admin } = await accountWithAdmin();
    const partly = await createTestInvoice(account, { dueDate: "2026-12-01" }, { notify: false });
    await createTestPayment(account, { amountMinor: 4_000, allocations: [{ invoiceId: partly.id, amountMinor: 4_000 }] });
    const voided = await createTestInvoice(account, { dueDate: "2026-12-01" }, { notify: false });
    await voidInvoice(await getDb(), voided.id, "Issued in error", TEST_ACTOR);
    await sweepAt("2026-12-11", NY);
    expect(await thresholdsFor(partly.id, admin.user.id)).toEqual([10]);
    expect(await thresholdsFor(voided.id, admin.user.id)).toEqual([]);
    const [alert] = await (await getDb()).select().from(alerts).where(eq(alerts.userId, admin.user.id));
    expect(alert.title).toBe(`Invoice ${partly.number} is 10 days past due — $60.00`);
    expect(alert.href).toBe(`/account/invoices/${partly.id}`);
  });

  it("after a sweep was skipped for 9 days sends only the latest threshold due, never the superseded one", async () => {
    const { account, admin } = await accountWithAdmin();
    const invoice = await createTestInvoice(account, { dueDate: "2026-12-01" }, { notify: false });
    await sweepAt("2026-12-02", NY); // day 1: nothing due yet
    await sweepAt("2026-12-11", NY); // day 10, after 9 days without a sweep
    expect(await thresholdsFor(invoice.id, admin.user.id)).toEqual([10]);
    await sweepAt("2026-12-12", NY);
    expect(await thresholdsFor(invoice.id, admin.user.id)).toEqual([10]);
  });

  it("catches up a missed day: down on day 2, the day-3 sweep still sends the 2-day reminder", async () => {
    const { account, admin } = await accountWithAdmin();
    const invoice = await createTestInvoice(account, { dueDate: "2026-12-01" }, { notify: false });
    await sweepAt("2026-12-04", NY);
    expect(await thresholdsFor(invoice.id, admin.user.id)).toEqual([2]);
    const [alert] = await (await getDb()).select().from(alerts).where(eq(alerts.userId, admin.user.id));
    // The title names the threshold the help page lists, not the day the late sweep ran on (issue 13 item 7).
    expect(alert.title).toContain("is 2 days past due");
  });

  it("a sweep run twice on the same day sends nothing the second time", async () => {
    const { account, admin } = await accountWithAdmin();
    const invoice = await createTestInvoice(account, { dueDate: "2026-12-01" }, { notify: false });
    expect((await sweepAt("2026-12-03", NY, "08:00")).notifications).toBe(1);
    expect((await sweepAt("2026-12-03", NY, "20:00")).notifications).toBe(0);
    expect(await thresholdsFor(invoice.id, admin.user.id)).toEqual([2]);
  });
});

describe("days counted in the account's time zone across DST changes", () => {
  for (const { zone, due, change } of [
    { zone: NY, due: "2027-03-12", change: "2027-03-14" }, // clocks go forward
    { zone: "Europe/Berlin", due: "2026-10-23", change: "2026-10-25" }, // clocks go back
  ]) {
    it(`a due date of ${due} in ${zone} reaches 2 days past due on ${change}, never a day early or late`, async () => {
      const { account, admin } = await accountWithAdmin(zone);
      const invoice = await createTestInvoice(account, { issueDate: "2026-09-01", dueDate: due }, { notify: false });
      const firstSeen: string[] = [];
      for (let day = 0; day <= 4; day++) {
        for (const time of ["00:30", "23:30"]) {
          const date = addDays(due, day);
          const now = zonedInstant(date, time, zone);
          expect(isoDateInZone(now, zone)).toBe(date);
          await runReminderSweep(await getDb(), now);
          if ((await thresholdsFor(invoice.id, admin.user.id)).length > 0 && firstSeen.length === 0) firstSeen.push(`${date} ${time}`);
        }
      }
      expect(firstSeen).toEqual([`${change} 00:30`]);
    });
  }
});

describe("payment-method expiry reminders", () => {
  it("reminds about a card expiring 02/2027 on Jan 29, Feb 13 and Feb 27 in the account's zone", async () => {
    const account = await createTestAccount({ timeZone: "America/Los_Angeles" });
    const billing = await createTestUser(account, ["billing_manager"]);
    const card = await createTestCard(account, { expMonth: 2, expYear: 2027 });
    const seen = await walk(account, "2026-12-15", 80, card.id, billing.user.id);
    expect(seen).toEqual({ "2027-01-29": 30, "2027-02-13": 15, "2027-02-27": 1 });
  });

  it("uses each account's own calendar day at the same instant", async () => {
    const late = await createTestAccount({ timeZone: "America/Los_Angeles" });
    const early = await createTestAccount({ timeZone: "Pacific/Auckland" });
    const lateUser = await createTestUser(late, ["account_admin"]);
    const earlyUser = await createTestUser(early, ["account_admin"]);
    const lateCard = await createTestCard(late, { expMonth: 2, expYear: 2027 });
    const earlyCard = await createTestCard(early, { expMonth: 2, expYear: 2027 });
    // 2027-01-29 01:00 in Auckland is still 2027-01-28 in Los Angeles.
    await runReminderSweep(await getDb(), new Date("2027-01-28T12:00:00Z"));
    expect(await thresholdsFor(earlyCard.id, earlyUser.user.id)).toEqual([30]);
    expect(await thresholdsFor(lateCard.id, lateUser.user.id)).toEqual([]);
  });

  it("sends nothing for removed or already expired cards, nor to users without Read Payment Information", async () => {
    const account = await createTestAccount({ timeZone: "UTC" });
    const billing = await createTestUser(account, ["billing_manager"]);
    const viewerOnly = await createTestUser(account, ["billing_viewer"]);
    const removed = await createTestCard(account, { expMonth: 2, expYear: 2027, removedAt: new Date("2027-01-01T00:00:00Z") });
    const expired = await createTestCard(account, { expMonth: 12, expYear: 2026 });
    const live = await createTestCard(account, { expMonth: 2, expYear: 2027 });
    await runReminderSweep(await getDb(), new Date("2027-02-14T12:00:00Z"));
    expect(await thresholdsFor(removed.id, billing.user.id)).toEqual([]);
    expect(await thresholdsFor(expired.id, billing.user.id)).toEqual([]);
    expect(await thresholdsFor(live.id, billing.user.id)).toEqual([15]);
    expect(await thresholdsFor(live.id, viewerOnly.user.id)).toEqual([]);
    await (
      await getDb()
    )
      .update(paymentMethods)
      .set({ removedAt: new Date("2027-02-20T00:00:00Z") })
      .where(eq(paymentMethods.id, live.id));
    await runReminderSweep(await getDb(), new Date("2027-02-27T12:00:00Z"));
    expect(await thresholdsFor(live.id, billing.user.id)).toEqual([15]);
  });
});

describe("recipients and channels", () => {
  it("follows permissions and each user's own preferences; disabled users get nothing", async () => {
    const account = await createTestAccount({ timeZone: "UTC" });
    const alertOnly = await createTestUser(account, ["billing_viewer"]);
    const emailOnly = await createTestUser(account, ["billing_viewer"]);
    const silent = await createTestUser(account, ["billing_viewer"]);
    const member = await createTestUser(account, ["member"]);
    const disabled = await createTestUser(account, ["account_admin"]);
    await setTestPreferences(emailOnly.viewer, { alert: false, email: true });
    await setTestPreferences(silent.viewer, { alert: false, email: false });
    await (await getDb()).update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.user.id));
    const invoice = await createTestInvoice(account, { dueDate: "2026-12-01" }, { notify: false });

    await sweepAt("2026-12-03", "UTC");
    expect(await writtenFor(account.account.id)).toEqual({ notifications: 2, alerts: 1, emails: 1 });
    for (const u of [silent, member, disabled]) expect(await thresholdsFor(invoice.id, u.user.id)).toEqual([]);

    const db = await getDb();
    expect((await db.select().from(alerts).where(eq(alerts.accountId, account.account.id))).map((a) => a.userId)).toEqual([alertOnly.user.id]);
    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.accountId, account.account.id));
    expect(email).toMatchObject({ toEmail: emailOnly.user.email, status: "pending", subject: `Invoice ${invoice.number} is 2 days past due — $100.00` });
  });

  it("sends one digest email when a user has several reminders in one sweep, and still one alert each (★)", async () => {
    const account = await createTestAccount({ timeZone: "UTC" });
    const billing = await createTestUser(account, ["billing_manager"]);
    await setTestPreferences(billing.viewer, { alert: true, email: true });
    const a = await createTestInvoice(account, { dueDate: "2026-12-01" }, { notify: false });
    const b = await createTestInvoice(account, { dueDate: "2026-11-21" }, { notify: false });
    await createTestCard(account, { expMonth: 12, expYear: 2026 });

    await sweepAt("2026-12-03", "UTC");
    expect(await writtenFor(account.account.id)).toEqual({ notifications: 3, alerts: 3, emails: 1 });
    const [digest] = await (await getDb()).select().from(emailOutbox).where(eq(emailOutbox.userId, billing.user.id));
    expect(digest.subject).toBe(`3 billing reminders for ${account.account.name} — $200.00 past due`);
    for (const invoice of [a, b]) expect(digest.text).toContain(`/account/invoices/${invoice.id}`);
    // 28 days left at the first sweep: the 30-day threshold, named as such (issue 13 item 7).
    expect(digest.text).toContain("Visa ending 4242 expires within 30 days");
    expect(digest.idempotencyKey).toMatch(/^digest:/);
  });

  it("does not remind about Generation 3 invoices the account can no longer see", async () => {
    const now = zonedInstant("2026-12-11", "09:00", "UTC");
    const account = await createTestAccount({ timeZone: "UTC", invoiceGeneration: 4, upgradedAt: new Date(now.getTime() - 60 * 86_400_000) });
    const admin = await createTestUser(account, ["account_admin"]);
    const hidden = await createTestInvoice(account, { generation: 3, dueDate: "2026-12-01" }, { notify: false });
    const visible = await createTestInvoice(account, { generation: 4, dueDate: "2026-12-01" }, { notify: false });
    await runReminderSweep(await getDb(), now);
    expect(await thresholdsFor(hidden.id, admin.user.id)).toEqual([]);
    expect(await thresholdsFor(visible.id, admin.user.id)).toEqual([10]);
  });
});

describe("a card's last day", () => {
  // The walk reads only cards whose expiry month is near UTC's today; an account behind UTC is
  // still in the card's last month when UTC has moved on to the next.
  it("still sends the 1-day reminder on the card's last day in the account's zone, when UTC is already in the next month", async () => {
    const account = await createTestAccount({ timeZone: "America/Los_Angeles" });
    const billing = await createTestUser(account, ["billing_manager"]);
    const card = await createTestCard(account, { expMonth: 2, expYear: 2027 });
    await sweepAt("2027-02-28", "America/Los_Angeles", "20:00"); // 2027-03-01 04:00 UTC
    expect(await thresholdsFor(card.id, billing.user.id)).toEqual([1]);
  });
});
