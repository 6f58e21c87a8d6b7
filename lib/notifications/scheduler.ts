import "server-only";
import { env } from "@/lib/env";
import { jobLeaseSeconds } from "@/lib/jobs/job-lease";
import { errorFields, logger } from "@/lib/log";
import { sendDueEmails } from "./jobs";
import { isSweepLeader, renewSweepLeadership, resignSweepLeadership, sweepRemindersOnLeader } from "./sweep-leader";

// `stop` clears the timers at once and resolves when a run already under way has finished (then
// gives up the sweep's lease), so a shutting-down server (lib/server/shutdown.ts) closes its pool
// only after the job's last batch.
export type NotificationJobs = { stop: () => Promise<void> };

const globalJobs = globalThis as unknown as { __billingNotificationJobs?: NotificationJobs };

type Job = { run: () => Promise<void>; idle: () => Promise<void>; close: () => void };

// One run at a time per job in this process. Across instances the reminder sweep runs on the
// leader only (sweep-leader.ts); the outbox runs everywhere, kept exact by SKIP LOCKED claims.
// Each run writes one JSON log line: the job, its outcome, its duration and what it did (counts
// only); a job that returns null did nothing worth a line (a lease heartbeat).
function exclusive(name: string, job: () => Promise<object | null>): Job {
  let running: Promise<void> | null = null;
  let closed = false;
  const runOnce = async () => {
    const started = performance.now();
    try {
      const result = await job();
      if (result) logger().info({ job: name, outcome: "ok", durationMs: Math.round(performance.now() - started), ...result }, "job");
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
// the outbox every OUTBOX_INTERVAL_MS (30 s), both once shortly after start; the sweep only on the
// instance holding the sweep's lease, renewed every third of JOB_LEASE_SECONDS. NOTIFICATION_JOBS=off
// leaves scheduling to an external cron calling /api/cron/*. Timers are unref'd so they never keep
// a process (a test run, a script) alive.
export function startNotificationJobs(): NotificationJobs | null {
  const settings = env();
  if (!settings.NOTIFICATION_JOBS) return null;
  if (globalJobs.__billingNotificationJobs) return globalJobs.__billingNotificationJobs;

  const outbox = exclusive("outbox", () => sendDueEmails());
  const sweep = exclusive("reminder-sweep", () => sweepRemindersOnLeader());
  // On the leader: the sweep, then the emails it queued rather than at the next outbox tick.
  const sweepThenSend = async () => {
    if (!isSweepLeader()) return;
    await sweep.run();
    await outbox.run();
  };
  // Taking over from a dead leader sweeps at once: it may have stopped in the middle of a run.
  const heartbeat = exclusive("reminder-sweep-lease", async () => {
    if ((await renewSweepLeadership()).became) void sweepThenSend();
    return null;
  });
  const timers = [
    setInterval(heartbeat.run, (jobLeaseSeconds() * 1000) / 3),
    setInterval(sweepThenSend, settings.REMINDER_SWEEP_INTERVAL_MS),
    setInterval(outbox.run, settings.OUTBOX_INTERVAL_MS),
    // Shortly after start: the leader sweeps and then sends; any other instance sends at once too.
    setTimeout(async () => {
      await heartbeat.run();
      if (!isSweepLeader()) await outbox.run();
    }, 3_000),
  ];
  for (const timer of timers) timer.unref();
  const jobs: NotificationJobs = {
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const job of [heartbeat, sweep, outbox]) job.close();
      if (globalJobs.__billingNotificationJobs === jobs) globalJobs.__billingNotificationJobs = undefined;
      await Promise.all([heartbeat.idle(), sweep.idle(), outbox.idle()]);
      await resignSweepLeadership().catch((error) => logger().error({ err: errorFields(error) }, "reminder sweep lease not given up"));
    },
  };
  globalJobs.__billingNotificationJobs = jobs;
  return jobs;
}

// Stops this process's jobs (if any run here) and waits for a run under way; for shutdown.
export async function stopNotificationJobs(): Promise<void> {
  await globalJobs.__billingNotificationJobs?.stop();
}
