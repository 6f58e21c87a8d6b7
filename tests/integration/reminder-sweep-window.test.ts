import { desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { accounts, paymentMethods, reminderRescans, reminderSweeps } from "@/db/schema";
import { addDays, isoDateInZone } from "@/lib/dates";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { runReminderSweep, type SweepResult } from "@/lib/notifications/reminder-sweep";
import {
  createTestAccount,
  createTestCard,
  createTestGrant,
  createTestInvoice,
  createTestPayment,
  createTestUser,
  setTestPreferences,
  setUserRoles,
  TEST_ACTOR,
  type TestAccount,
} from "../support/factories";
import { randomFrom } from "../support/seeded-random";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type Account = {
  account: TestAccount;
  hiddenGeneration3: boolean;
  open: { id: string; totalMinor: number; generation: number; granted?: boolean }[];
  members: string[];
  silent: { viewer: Parameters<typeof setTestPreferences>[0] }[];
};

async function thresholds(subjectId: string, userId: string) {
  const rows = await rawRows<{ threshold: number }>(
    await getDb(),
    sql`select threshold from notifications where subject_id = ${subjectId} and user_id = ${userId} order by threshold`,
  );
  return rows.map((r) => r.threshold);
}

// The last run on record is removed, so the next windowed sweep builds on the one before it.
// How many rescan marks an account has (migration 0010's triggers write them).
async function marksOn(accountId: string) {
  const db = await getDb();
  return (await db.select().from(reminderRescans).where(eq(reminderRescans.accountId, accountId))).length;
}

async function forgetLastRun() {
  const db = await getDb();
  const [last] = await db.select({ id: reminderSweeps.id }).from(reminderSweeps).orderBy(desc(reminderSweeps.startedAt), desc(reminderSweeps.id)).limit(1);
  await db.delete(reminderSweeps).where(eq(reminderSweeps.id, last.id));
}

// One random change that may make a reminder due other than by the calendar (or end one).
async function change(rng: ReturnType<typeof randomFrom>, all: Account[], now: Date) {
  const a = rng.pick(all);
  const today = isoDateInZone(now, "UTC");
  const kind = rng.int(0, 7);
  if (kind <= 2) {
    // Posted with a due date from 40 days ago to 5 days ahead: often already past due.
    const dueDate = addDays(today, rng.int(-40, 5));
    const generation = a.hiddenGeneration3 && rng.next() < 0.5 ? 3 : 4;
    const invoice = await createTestInvoice(a.account, { issueDate: addDays(dueDate, -30), dueDate, generation }, { notify: false });
    a.open.push({ id: invoice.id, totalMinor: invoice.totalMinor, generation });
  } else if (kind === 3 && a.open.length) {
    const [invoice] = a.open.splice(rng.int(0, a.open.length - 1), 1);
    if (rng.next() < 0.5) await createTestPayment(a.account, { amountMinor: invoice.totalMinor, allocations: [{ invoiceId: invoice.id, amountMinor: invoice.totalMinor }] });
    else await voidInvoice(await getDb(), invoice.id, "Issued in error", TEST_ACTOR);
  } else if (kind === 4) {
    await createTestUser(a.account, [rng.pick(["billing_viewer", "billing_manager", "member"] as const)]);
  } else if (kind === 5 && a.members.length) {
    await setUserRoles(a.account, a.members.pop()!, ["billing_viewer"]);
  } else if (kind === 6 && a.silent.length) {
    await setTestPreferences(a.silent.pop()!.viewer, { alert: rng.next() < 0.5, email: true });
  } else if (kind === 7) {
    const hidden = all.flatMap((x) => x.open.map((i) => ({ ...i, account: x.account, item: i }))).find((i) => i.generation === 3 && !i.granted);
    if (hidden && rng.next() < 0.7) {
      hidden.item.granted = true;
      await createTestGrant(hidden.account, hidden.id, new Date(now.getTime() + rng.int(20, 40) * DAY_MS));
    } else
      await (
        await getDb()
      )
        .update(accounts)
        .set({ timeZone: rng.pick(["Pacific/Kiritimati", "Etc/GMT+12", "Asia/Kolkata"]) })
        .where(eq(accounts.id, a.account.account.id));
  }
}

describe("windowed reminder sweep", () => {
  it("creates exactly what a full walk creates, over random changes and time jumps of an hour, days, missed sweeps and a clock set back", { timeout: 240_000 }, async () => {
    const rng = randomFrom(16);
    const start = new Date("2026-12-01T10:00:00Z");
    const all: Account[] = [];
    for (const timeZone of ["Etc/GMT+12", "America/New_York", "UTC", "Europe/Berlin", "Pacific/Kiritimati"]) {
      const hiddenGeneration3 = timeZone === "Europe/Berlin";
      const account = await createTestAccount({ timeZone, ...(hiddenGeneration3 ? { invoiceGeneration: 4, upgradedAt: new Date(start.getTime() - 60 * DAY_MS) } : {}) });
      await createTestUser(account, ["account_admin"]);
      const members = [];
      for (let i = 0; i < 3; i++) members.push((await createTestUser(account, ["member"])).user.id);
      const silent = [];
      for (let i = 0; i < 2; i++) {
        const user = await createTestUser(account, ["billing_viewer"]);
        await setTestPreferences(user.viewer, { alert: false, email: false });
        silent.push(user);
      }
      all.push({ account, hiddenGeneration3, open: [], members, silent });
    }
    for (let i = 0; i < 30; i++) await change(rng, all, start);

    const db = await getDb();
    const walks: SweepResult["walk"][] = [];
    let created = 0;
    let now = start;
    for (let step = 0; step < 40; step++) {
      const changes = rng.int(0, 3);
      for (let i = 0; i < changes; i++) await change(rng, all, now);
      const jump = rng.pick([0, HOUR_MS, 13 * HOUR_MS, DAY_MS, DAY_MS, DAY_MS, 2 * DAY_MS, 3 * DAY_MS, 5 * DAY_MS, -HOUR_MS]);
      now = new Date(now.getTime() + jump);

      const windowed = await runReminderSweep(db, now);
      walks.push(windowed.walk);
      created += windowed.notifications;
      // A full walk right after finds nothing the windowed one missed (and the window reads a subset of
      // what the full walk reads, through the same statement): both created the same notifications.
      const full = await runReminderSweep(db, now, { walk: "full" });
      expect(full.notifications, `step ${step}: ${now.toISOString()}, ${windowed.walk} walk`).toBe(0);
      await forgetLastRun();
    }
    expect(walks.filter((w) => w === "window").length).toBeGreaterThan(20);
    expect(walks).toContain("full");
    expect(created).toBeGreaterThan(20);
  });

  it("reminds about an invoice posted already 20 days past due after a completed sweep, through the mark on its account", async () => {
    const db = await getDb();
    const now = new Date("2027-02-01T10:00:00Z");
    const account = await createTestAccount({ timeZone: "UTC" });
    const admin = await createTestUser(account, ["account_admin"]);
    await runReminderSweep(db, now);
    const invoice = await createTestInvoice(account, { issueDate: "2026-12-01", dueDate: "2027-01-12" }, { notify: false });
    const [mark] = await db.select().from(reminderRescans).where(eq(reminderRescans.accountId, account.account.id));
    expect(mark).toBeDefined();

    const later = await runReminderSweep(db, new Date(now.getTime() + HOUR_MS));
    expect(later.walk).toBe("window");
    expect(await thresholds(invoice.id, admin.user.id)).toEqual([15]);
  });

  it("reminds about a hidden Generation 3 invoice once support grants it back, through the mark on its account", async () => {
    const db = await getDb();
    const now = new Date("2027-04-20T10:00:00Z");
    const account = await createTestAccount({ timeZone: "UTC", invoiceGeneration: 4, upgradedAt: new Date(now.getTime() - 60 * DAY_MS) });
    const admin = await createTestUser(account, ["account_admin"]);
    const invoice = await createTestInvoice(account, { generation: 3, issueDate: "2027-03-01", dueDate: "2027-04-01" }, { notify: false });
    await runReminderSweep(db, now);
    expect((await runReminderSweep(db, new Date(now.getTime() + HOUR_MS))).walk).toBe("window");
    await createTestGrant(account, invoice.id, new Date(now.getTime() + 30 * DAY_MS));

    const later = await runReminderSweep(db, new Date(now.getTime() + 2 * HOUR_MS));
    expect(later.walk).toBe("window");
    expect(await thresholds(invoice.id, admin.user.id)).toEqual([15]);
  });

  it("does not mark an invoice posted due in the future, yet reminds it once when its first threshold comes; marks and reminds one posted already late", async () => {
    const db = await getDb();
    const start = new Date("2027-08-01T10:00:00Z");
    const account = await createTestAccount({ timeZone: "UTC" });
    const admin = await createTestUser(account, ["account_admin"]);
    await runReminderSweep(db, start);
    const marks = () => marksOn(account.account.id);
    const before = await marks();
    const future = await createTestInvoice(account, { issueDate: "2027-07-12", dueDate: "2027-08-11" }, { notify: false });
    expect(await marks()).toBe(before);
    const late = await createTestInvoice(account, { issueDate: "2027-06-20", dueDate: "2027-07-20" }, { notify: false });
    expect(await marks()).toBe(before + 1);

    for (let day = 1; day <= 14; day++) {
      const now = new Date(start.getTime() + day * DAY_MS);
      expect((await runReminderSweep(db, now)).walk).toBe("window");
      if (day === 1) expect(await thresholds(late.id, admin.user.id)).toEqual([10]);
      // Due 2027-08-11: 2 days past due on 2027-08-13 (day 12), the next threshold (10 days) not before 08-21.
      expect(await thresholds(future.id, admin.user.id), isoDateInZone(now, "UTC")).toEqual(day >= 12 ? [2] : []);
    }
    expect((await runReminderSweep(db, new Date(start.getTime() + 14 * DAY_MS), { walk: "full" })).notifications).toBe(0);
  });

  it("prunes the marks every later sweep's base has seen", async () => {
    const db = await getDb();
    const now = new Date("2027-03-01T10:00:00Z");
    // A base before the marks (without one, a first sweep prunes what it saw itself: the next test).
    await runReminderSweep(db, new Date(now.getTime() - HOUR_MS));
    const account = await createTestAccount({ timeZone: "UTC" });
    await createTestUser(account, ["account_admin"]);
    const marks = () => marksOn(account.account.id);
    expect(await marks()).toBeGreaterThan(0);
    await runReminderSweep(db, now); // saw the marks; the next run prunes them once this one is its base
    expect(await marks()).toBeGreaterThan(0);
    await runReminderSweep(db, now);
    expect(await marks()).toBe(0);
  });

  it("prunes, after a first sweep (no base), the marks it saw when it started: it walked every account after that; a later write still reaches the next windowed sweep", async () => {
    const db = await getDb();
    await db.delete(reminderSweeps);
    const now = new Date("2027-05-01T10:00:00Z");
    const account = await createTestAccount({ timeZone: "UTC" });
    const admin = await createTestUser(account, ["account_admin"]);
    const marks = () => marksOn(account.account.id);
    expect(await marks()).toBeGreaterThan(0);
    expect((await runReminderSweep(db, now)).walk).toBe("full");
    expect(await marks()).toBe(0);

    const invoice = await createTestInvoice(account, { issueDate: "2027-03-01", dueDate: "2027-04-11" }, { notify: false });
    expect(await marks()).toBeGreaterThan(0);
    const later = await runReminderSweep(db, new Date(now.getTime() + HOUR_MS));
    expect(later.walk).toBe("window");
    expect(await thresholds(invoice.id, admin.user.id)).toEqual([15]);
  });
});

// Cards (the windowed card walk): one random change that may make a card-expiry reminder due other
// than by the calendar (or end one), with expiry months around `now`.
type CardAccount = { account: TestAccount; cards: { id: string; removed: boolean }[]; silent: { viewer: Parameters<typeof setTestPreferences>[0] }[] };

async function changeCards(rng: ReturnType<typeof randomFrom>, all: CardAccount[], now: Date) {
  const db = await getDb();
  const a = rng.pick(all);
  const expiry = () => {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + rng.int(-1, 2), 1));
    return { expYear: month.getUTCFullYear(), expMonth: month.getUTCMonth() + 1 };
  };
  const kind = rng.int(0, 5);
  const removed = a.cards.filter((c) => c.removed);
  const onFile = a.cards.filter((c) => !c.removed);
  if (kind <= 1) {
    a.cards.push({ id: (await createTestCard(a.account, expiry())).id, removed: false });
  } else if (kind === 2 && onFile.length) {
    const card = rng.pick(onFile);
    card.removed = true;
    await db.update(paymentMethods).set({ removedAt: now }).where(eq(paymentMethods.id, card.id));
  } else if (kind === 3 && removed.length) {
    const card = rng.pick(removed);
    card.removed = false;
    await db.update(paymentMethods).set({ removedAt: null }).where(eq(paymentMethods.id, card.id));
  } else if (kind === 4 && onFile.length) {
    await db
      .update(paymentMethods)
      .set(expiry())
      .where(eq(paymentMethods.id, rng.pick(onFile).id));
  } else if (kind === 5) {
    if (a.silent.length && rng.next() < 0.5) await setTestPreferences(a.silent.pop()!.viewer, { alert: true, email: rng.next() < 0.5 });
    else await createTestUser(a.account, [rng.pick(["billing_viewer", "billing_manager", "member"] as const)]);
  }
}

describe("windowed reminder sweep: cards", () => {
  it("creates exactly what a full walk creates, with cards added, removed, re-added and given new expiries, across month ends and Dec → Jan", { timeout: 240_000 }, async () => {
    const rng = randomFrom(1616);
    const start = new Date("2026-12-18T10:00:00Z");
    const all: CardAccount[] = [];
    for (const timeZone of ["Etc/GMT+12", "America/New_York", "UTC", "Europe/Berlin", "Pacific/Kiritimati"]) {
      const account = await createTestAccount({ timeZone });
      await createTestUser(account, ["account_admin"]);
      const silent = [];
      for (let i = 0; i < 2; i++) {
        const user = await createTestUser(account, ["billing_manager"]);
        await setTestPreferences(user.viewer, { alert: false, email: false });
        silent.push(user);
      }
      all.push({ account, cards: [], silent });
    }
    for (let i = 0; i < 20; i++) await changeCards(rng, all, start);

    const db = await getDb();
    const walks: SweepResult["walk"][] = [];
    let now = start;
    for (let step = 0; step < 60; step++) {
      const changes = rng.int(0, 3);
      for (let i = 0; i < changes; i++) await changeCards(rng, all, now);
      now = new Date(now.getTime() + rng.pick([0, HOUR_MS, 13 * HOUR_MS, DAY_MS, DAY_MS, DAY_MS, 2 * DAY_MS, 3 * DAY_MS, 5 * DAY_MS, -HOUR_MS]));

      const windowed = await runReminderSweep(db, now);
      walks.push(windowed.walk);
      const full = await runReminderSweep(db, now, { walk: "full" });
      expect(full.notifications, `step ${step}: ${now.toISOString()}, ${windowed.walk} walk`).toBe(0);
      await forgetLastRun();
    }
    const ids = all.flatMap((a) => a.cards.map((c) => c.id));
    const [{ cardReminders }] = await rawRows<{ cardReminders: number }>(
      db,
      sql`select count(*)::int as "cardReminders" from notifications where event = 'card_expiring' and subject_id = any(${`{${ids.join(",")}}`}::uuid[])`,
    );
    expect(walks.filter((w) => w === "window").length).toBeGreaterThan(20);
    expect(walks).toContain("full");
    // Past December 31 and January 31.
    expect(now.getTime()).toBeGreaterThan(new Date("2027-02-01T00:00:00Z").getTime());
    expect(cardReminders).toBeGreaterThan(20);
  });

  // Each write alone after a completed sweep, within 15 days of the card's end: only the mark on its account can bring it in.
  const cardWrites: [string, (account: TestAccount, now: Date) => Promise<string>][] = [
    ["added", async (account) => (await createTestCard(account, { expYear: 2027, expMonth: 6 })).id],
    [
      "brought back",
      async (account, now) => {
        const card = await createTestCard(account, { expYear: 2027, expMonth: 6, removedAt: now });
        await runReminderSweep(await getDb(), new Date(now.getTime() + HOUR_MS));
        await (await getDb()).update(paymentMethods).set({ removedAt: null }).where(eq(paymentMethods.id, card.id));
        return card.id;
      },
    ],
    [
      "given a new expiry",
      async (account, now) => {
        const card = await createTestCard(account, { expYear: 2030, expMonth: 6 });
        await runReminderSweep(await getDb(), new Date(now.getTime() + HOUR_MS));
        await (await getDb()).update(paymentMethods).set({ expYear: 2027, expMonth: 6 }).where(eq(paymentMethods.id, card.id));
        return card.id;
      },
    ],
  ];
  for (const [write, run] of cardWrites) {
    it(`reminds about a card ${write} within 15 days of its end after a completed sweep, through the mark on its account`, async () => {
      const db = await getDb();
      const now = new Date("2027-06-20T10:00:00Z");
      const account = await createTestAccount({ timeZone: "UTC" });
      const admin = await createTestUser(account, ["account_admin"]);
      await runReminderSweep(db, now);
      const cardId = await run(account, now);
      const later = await runReminderSweep(db, new Date(now.getTime() + 2 * HOUR_MS));
      expect(later.walk).toBe("window");
      expect(await thresholds(cardId, admin.user.id)).toEqual([15]);
    });
  }
});
