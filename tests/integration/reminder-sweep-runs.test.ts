import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { addDays } from "@/lib/dates";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { getLastReminderSweep } from "@/lib/notifications/sweep-runs";
import { asForgedOperator, createTestAccount, createTestInvoice, createTestOperator, createTestUser } from "../support/factories";

// Its own file, so its own database: "the last sweep" is the last one this file ran.
describe("the last reminder sweep in the operator console", () => {
  it("shows when the last sweep started and ended and what it created, in batches of the configured size", async () => {
    const operator = await createTestOperator();
    expect(await getLastReminderSweep(operator)).toBeNull();

    const account = await createTestAccount();
    await createTestUser(account, ["account_admin"]);
    for (const days of [3, 12, 40]) await createTestInvoice(account, { issueDate: addDays("2026-12-20", -days - 30), dueDate: addDays("2026-12-20", -days) }, { notify: false });
    const before = new Date();
    const result = await runReminderSweep(await getDb(), new Date("2026-12-20T12:00:00Z"), { batchSize: 2 });

    expect(result).toMatchObject({ notifications: 3, alerts: 3, emails: 0 });
    // Two notifications fit a batch: the third needs a second one, and the walk a last, empty step.
    expect(result.batches).toBeGreaterThanOrEqual(2);
    const last = await getLastReminderSweep(operator);
    expect(last).toMatchObject({ notifications: 3, alerts: 3, emails: 0, batches: result.batches, error: null, sweepAt: new Date("2026-12-20T12:00:00Z") });
    expect(last!.startedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(last!.finishedAt!.getTime()).toBeGreaterThanOrEqual(last!.startedAt.getTime());

    // A second sweep at once finds nothing, and is now the last one.
    await runReminderSweep(await getDb(), new Date("2026-12-20T12:00:00Z"), { batchSize: 2 });
    expect(await getLastReminderSweep(operator)).toMatchObject({ notifications: 0, error: null });
  });

  it("keeps REMINDER_SWEEPS_KEEP_DAYS of runs: each sweep deletes older ones, at most 1 000 at a time", async () => {
    const db = await getDb();
    await db.execute(
      sql`insert into reminder_sweeps (sweep_at, started_at, finished_at) select now(), now() - interval '40 days', now() - interval '40 days' from generate_series(1, 1500)`,
    );
    await db.execute(sql`insert into reminder_sweeps (sweep_at, started_at, finished_at) values (now(), now() - interval '10 days', now() - interval '10 days')`);
    const olderThan = async (days: number) =>
      (await rawRows<{ n: number }>(db, sql`select count(*)::int as n from reminder_sweeps where started_at < now() - make_interval(days => ${days}::int)`))[0].n;

    process.env.REMINDER_SWEEPS_KEEP_DAYS = "30";
    try {
      await runReminderSweep(db, new Date("2026-12-21T12:00:00Z"));
      expect(await olderThan(30)).toBe(500);
      await runReminderSweep(db, new Date("2026-12-21T12:00:00Z"));
      expect(await olderThan(30)).toBe(0);
      expect(await olderThan(5)).toBe(1);

      process.env.REMINDER_SWEEPS_KEEP_DAYS = "5";
      await runReminderSweep(db, new Date("2026-12-21T12:00:00Z"));
      expect(await olderThan(5)).toBe(0);
      expect((await getLastReminderSweep(await createTestOperator()))?.error).toBeNull();
    } finally {
      delete process.env.REMINDER_SWEEPS_KEEP_DAYS;
    }
  });

  it("is not shown to an account user posing as an operator", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["account_admin"]);
    await expect(getLastReminderSweep(asForgedOperator(viewer))).rejects.toMatchObject({ code: "not_found" });
  });
});
