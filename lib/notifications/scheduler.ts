import "server-only";
import { getDb } from "@/db/client";
import { runOutboxWorker } from "./outbox/outbox-worker";
import { runReminderSweep } from "./reminder-sweep";

export type NotificationJobs = { stop: () => void };

const globalJobs = globalThis as unknown as { __billingNotificationJobs?: NotificationJobs };

const intervalMs = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 1000 ? value : fallback;
};

// One run at a time per job in this process; other instances are kept exact by the database
// (unique notification key, SKIP LOCKED outbox claims), so overlapping instances are safe.
function exclusive(name: string, job: () => Promise<unknown>) {
  let running = false;
  return async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      console.error(`[billing-portal] ${name} failed`, error);
    } finally {
      running = false;
    }
  };
}

// The in-process scheduler (R-N7): the reminder sweep every REMINDER_SWEEP_INTERVAL_MS (15 min) and
// the outbox every OUTBOX_INTERVAL_MS (30 s), both once shortly after start. NOTIFICATION_JOBS=off
// leaves scheduling to an external cron calling /api/cron/*. Timers are unref'd so they never keep
// a process (a test run, a script) alive.
export function startNotificationJobs(): NotificationJobs | null {
  if (process.env.NOTIFICATION_JOBS === "off") return null;
  if (globalJobs.__billingNotificationJobs) return globalJobs.__billingNotificationJobs;

  const outbox = exclusive("outbox worker", async () => runOutboxWorker(await getDb()));
  const sweep = exclusive("reminder sweep", async () => {
    await runReminderSweep(await getDb());
    await outbox();
  });
  const timers = [
    setInterval(sweep, intervalMs("REMINDER_SWEEP_INTERVAL_MS", 15 * 60_000)),
    setInterval(outbox, intervalMs("OUTBOX_INTERVAL_MS", 30_000)),
    setTimeout(sweep, 3_000),
  ];
  for (const timer of timers) timer.unref();
  const jobs = {
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
      globalJobs.__billingNotificationJobs = undefined;
    },
  };
  globalJobs.__billingNotificationJobs = jobs;
  return jobs;
}
