import "server-only";
import { env } from "@/lib/env";
import { errorFields, logger } from "@/lib/log";
import { sendDueEmails, sweepReminders } from "./jobs";

// `stop` clears the timers at once and resolves when a run already under way has finished, so a
// shutting-down server (lib/server/shutdown.ts) closes its pool only after the job's last batch.
export type NotificationJobs = { stop: () => Promise<void> };

const globalJobs = globalThis as unknown as { __billingNotificationJobs?: NotificationJobs };

type Job = { run: () => Promise<void>; idle: () => Promise<void>; close: () => void };

// One run at a time per job in this process; other instances are kept exact by the database
// (unique notification key, SKIP LOCKED outbox claims), so overlapping instances are safe. Each
// run writes one JSON log line: the job, its outcome, its duration and what it did (counts only).
function exclusive(name: string, job: () => Promise<object | void>): Job {
  let running: Promise<void> | null = null;
  let closed = false;
  const runOnce = async () => {
    const started = performance.now();
    try {
      const result = await job();
      logger().info({ job: name, outcome: "ok", durationMs: Math.round(performance.now() - started), ...result }, "job");
    } catch (error) {
      logger().error({ job: name, outcome: "failed", durationMs: Math.round(performance.now() - started), err: errorFields(error) }, "job");
    }
  };
  return {
    run: async () => {
      if (running || closed) return;
      running = runOnce().finally(() => (running = null));
      await running;
    },
    idle: async () => {
      await running;
    },
    close: () => {
      closed = true;
    },
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

  const outbox = exclusive("outbox", () => sendDueEmails());
  const sweep = exclusive("reminder-sweep", () => sweepReminders());
  // The emails a sweep queued go out right after it rather than at the next outbox tick.
  const sweepThenSend = async () => {
    await sweep.run();
    await outbox.run();
  };
  const timers = [setInterval(sweepThenSend, settings.REMINDER_SWEEP_INTERVAL_MS), setInterval(outbox.run, settings.OUTBOX_INTERVAL_MS), setTimeout(sweepThenSend, 3_000)];
  for (const timer of timers) timer.unref();
  const jobs: NotificationJobs = {
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      sweep.close();
      outbox.close();
      if (globalJobs.__billingNotificationJobs === jobs) globalJobs.__billingNotificationJobs = undefined;
      await Promise.all([sweep.idle(), outbox.idle()]);
    },
  };
  globalJobs.__billingNotificationJobs = jobs;
  return jobs;
}

// Stops this process's jobs (if any run here) and waits for a run under way; for shutdown.
export async function stopNotificationJobs(): Promise<void> {
  await globalJobs.__billingNotificationJobs?.stop();
}
