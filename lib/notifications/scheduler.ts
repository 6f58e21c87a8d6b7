import "server-only";
import { env } from "@/lib/env";
import { jobLeaseSeconds } from "@/lib/jobs/job-lease";
import { sendDueEmails } from "./jobs";
import { isSweepLeader, renewSweepLeadership, resignSweepLeadership, sweepRemindersOnLeader } from "./sweep-leader";

export type NotificationJobs = { stop: () => void };

const globalJobs = globalThis as unknown as { __billingNotificationJobs?: NotificationJobs };

// One run at a time per job in this process. Across instances the reminder sweep runs on the
// leader only (sweep-leader.ts); the outbox runs everywhere, kept exact by SKIP LOCKED claims.
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
// the outbox every OUTBOX_INTERVAL_MS (30 s), both once shortly after start; the sweep only on the
// instance holding the sweep's lease, renewed every third of JOB_LEASE_SECONDS. NOTIFICATION_JOBS=off
// leaves scheduling to an external cron calling /api/cron/*. Timers are unref'd so they never keep
// a process (a test run, a script) alive.
export function startNotificationJobs(): NotificationJobs | null {
  const settings = env();
  if (!settings.NOTIFICATION_JOBS) return null;
  if (globalJobs.__billingNotificationJobs) return globalJobs.__billingNotificationJobs;

  const outbox = exclusive("outbox worker", () => sendDueEmails());
  const sweep = exclusive("reminder sweep", async () => {
    if (!isSweepLeader()) return;
    await sweepRemindersOnLeader();
    await outbox();
  });
  // Taking over from a dead leader sweeps at once: it may have stopped in the middle of a run.
  const heartbeat = exclusive("reminder sweep lease", async () => {
    if ((await renewSweepLeadership()).became) void sweep();
  });
  const timers = [
    setInterval(heartbeat, (jobLeaseSeconds() * 1000) / 3),
    setInterval(sweep, settings.REMINDER_SWEEP_INTERVAL_MS),
    setInterval(outbox, settings.OUTBOX_INTERVAL_MS),
    // Shortly after start: the leader sweeps and then sends; any other instance sends at once too.
    setTimeout(async () => {
      await heartbeat();
      if (!isSweepLeader()) await outbox();
    }, 3_000),
  ];
  for (const timer of timers) timer.unref();
  const jobs = {
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
      globalJobs.__billingNotificationJobs = undefined;
      void resignSweepLeadership().catch((error) => console.error("[billing-portal] reminder sweep lease not given up", error));
    },
  };
  globalJobs.__billingNotificationJobs = jobs;
  return jobs;
}
