import { count, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, emailOutbox, notifications } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { createTestAccount, createTestCard, createTestInvoice, createTestUser, setTestPreferences } from "../support/factories";
import { describeOnPostgres } from "../support/postgres-only";

// Its own file, so its own database: the counts below are the whole story. Only on PostgreSQL,
// where the four sweeps really race on a pg pool (on PGlite they queue on one connection).
describeOnPostgres("exactly once under concurrency", () => {
  it("four concurrent sweeps produce each notification, alert and email once", async () => {
    const db = await getDb();
    let expected = 0;
    for (let a = 0; a < 3; a++) {
      const account = await createTestAccount({ timeZone: a === 1 ? "America/New_York" : "UTC" });
      const admins = [await createTestUser(account, ["account_admin"]), await createTestUser(account, ["billing_manager"])];
      await setTestPreferences(admins[1].viewer, { alert: true, email: true });
      for (const days of [2, 10, 15, 25, 30, 31, 44]) await createTestInvoice(account, { dueDate: addDays("2026-12-20", -days) }, { notify: false });
      await createTestCard(account, { expMonth: 12, expYear: 2026 });
      expected += admins.length * 8;
    }
    const now = new Date("2026-12-20T17:00:00Z");
    const results = await Promise.all([1, 2, 3, 4].map(() => runReminderSweep(db, now)));

    expect(results.reduce((sum, r) => sum + r.notifications, 0)).toBe(expected);
    const [{ n }] = await db.select({ n: count() }).from(notifications);
    const duplicates = await db.execute(sql`select user_id, subject_id from notifications group by user_id, event, subject_id having count(*) > 1`);
    expect((duplicates as unknown as { rows: unknown[] }).rows).toEqual([]);
    expect(n).toBe(expected);
    const [{ a }] = await db.select({ a: count() }).from(alerts);
    expect(a).toBe(expected);
    // One digest per email-on user per account (8 reminders each), never two.
    const emails = await db.select({ userId: emailOutbox.userId }).from(emailOutbox);
    expect(emails).toHaveLength(3);
    expect(new Set(emails.map((e) => e.userId)).size).toBe(3);
  });
});
