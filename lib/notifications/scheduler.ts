import "server-only";
import { env } from "@/lib/env";
import { sendDueEmails, sweepReminders } from "./jobs";

export type NotificationJobs = { stop: () => void };

const globalJobs = globalThis as unknown as { __billingNotificationJobs?: NotificationJobs };

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
  const settings = env();
  if (!settings.NOTIFICATION_JOBS) return null;
  if (globalJobs.__billingNotificationJobs) return globalJobs.__billingNotificationJobs;

  const outbox = exclusive("outbox worker", () => sendDueEmails());
  const sweep = exclusive("reminder sweep", async () => {
    await sweepReminders();
    await outbox();
  });
  const timers = [setInterval(sweep, settings.REMINDER_SWEEP_INTERVAL_MS), setInterval(outbox, settings.OUTBOX_INTERVAL_MS), setTimeout(sweep, 3_000)];
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
