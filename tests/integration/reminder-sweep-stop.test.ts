import { count, desc } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, notifications, reminderSweeps } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { metrics } from "@/lib/metrics/registry";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { createTestAccount, createTestInvoice, createTestUser } from "../support/factories";
import { sampleValue } from "../support/prometheus-text";

// Its own file, so its own database: the counts below are everything the sweeps wrote.
// A sweep whose leader lease is lost stops at a batch boundary (lib/notifications/sweep-leader.ts):
// what the batches before wrote stays, the run is recorded and counted (with the time it took) as
// failed, and the next sweep sends the rest.
const NOW = new Date("2026-12-20T17:00:00Z");

async function written() {
  const db = await getDb();
  const [[n], [a]] = await Promise.all([db.select({ n: count() }).from(notifications), db.select({ n: count() }).from(alerts)]);
  return { notifications: n.n, alerts: a.n };
}

it("stops before a batch once told to, keeping what the batches before it wrote, records the run and its time as failed, and the next sweep sends the rest, counted as ok", async () => {
  const account = await createTestAccount({ timeZone: "UTC" });
  await createTestUser(account, ["account_admin"]);
  for (const days of [2, 10, 15]) await createTestInvoice(account, { issueDate: addDays("2026-12-20", -days - 30), dueDate: addDays("2026-12-20", -days) }, { notify: false });
  const before = await metrics().registry.metrics();
  let asked = 0;

  const started = performance.now();
  await expect(runReminderSweep(await getDb(), NOW, { batchSize: 1, shouldContinue: () => ++asked <= 2 })).rejects.toThrow(/another instance took over/);
  const stoppedAfter = (performance.now() - started) / 1000;

  expect(asked).toBe(3);
  expect(await written()).toEqual({ notifications: 2, alerts: 2 });
  const [run] = await (await getDb()).select().from(reminderSweeps).orderBy(desc(reminderSweeps.startedAt)).limit(1);
  expect(run).toMatchObject({ batches: 2, notifications: 2, alerts: 2, emails: 0, error: expect.stringMatching(/another instance took over/) });
  expect(run.finishedAt).not.toBeNull();
  const after = await metrics().registry.metrics();
  const runs = (page: string, outcome: string) => sampleValue(page, "portal_reminder_sweep_duration_seconds_count", { outcome });
  // The seconds observed: the sweep's own time, so never more than the time around the call.
  const seconds = (page: string, outcome: string) => sampleValue(page, "portal_reminder_sweep_duration_seconds_sum", { outcome });
  expect(runs(after, "error") - runs(before, "error")).toBe(1);
  expect(runs(after, "ok") - runs(before, "ok")).toBe(0);
  expect(seconds(after, "error") - seconds(before, "error")).toBeGreaterThan(0);
  expect(seconds(after, "error") - seconds(before, "error")).toBeLessThanOrEqual(stoppedAfter);
  expect(sampleValue(after, "portal_reminder_notifications_total") - sampleValue(before, "portal_reminder_notifications_total")).toBe(2);

  const restarted = performance.now();
  expect(await runReminderSweep(await getDb(), NOW, { shouldContinue: () => true })).toMatchObject({ notifications: 1, alerts: 1 });
  const finishedAfter = (performance.now() - restarted) / 1000;
  expect(await written()).toEqual({ notifications: 3, alerts: 3 });
  const last = await metrics().registry.metrics();
  expect(runs(last, "ok") - runs(after, "ok")).toBe(1);
  expect(runs(last, "error") - runs(after, "error")).toBe(0);
  expect(seconds(last, "ok") - seconds(after, "ok")).toBeGreaterThan(0);
  expect(seconds(last, "ok") - seconds(after, "ok")).toBeLessThanOrEqual(finishedAfter);
});
