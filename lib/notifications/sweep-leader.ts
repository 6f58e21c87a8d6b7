import "server-only";
import { errorFields, logger } from "@/lib/log";
import { getDb } from "@/db/client";
import { acquireJobLease, currentJobLeaseHolder, instanceId, jobLeaseSeconds, releaseJobLease } from "@/lib/jobs/job-lease";
import { runReminderSweep, type SweepResult } from "./reminder-sweep";

// Exactly one instance runs the reminder sweep at a time (issue 15): the one holding the
// "reminder-sweep" lease (lib/jobs/job-lease.ts). With the in-process scheduler on, every instance
// tries to take or renew the lease every third of JOB_LEASE_SECONDS, so the leader keeps it while it
// lives and another instance takes over within JOB_LEASE_SECONDS of its death, sweeping at once to
// finish what the dead leader may have left. A cron call runs the sweep only where the lease can be
// had, and gives it back afterwards unless this instance's scheduler keeps it.
export const REMINDER_SWEEP_LEASE = "reminder-sweep";

export type LeaderSweepResult = ({ ran: true } & SweepResult) | { ran: false; reason: "already_running_here" | "another_instance_leads"; leader: string | null };

type LeaderState = { running: boolean; heartbeat: boolean; leader: boolean };
// On globalThis: the instrumentation hook (scheduler) and the cron route are bundled separately.
const global = globalThis as unknown as { __billingSweepLeader?: LeaderState };
function state(): LeaderState {
  global.__billingSweepLeader ??= { running: false, heartbeat: false, leader: false };
  return global.__billingSweepLeader;
}

// The scheduler's heartbeat: takes or renews the lease. `became` is true on the tick this instance
// turned leader (it should sweep now: a dead leader may have stopped mid-run).
export async function renewSweepLeadership(): Promise<{ leader: boolean; became: boolean }> {
  const current = state();
  current.heartbeat = true;
  const was = current.leader;
  current.leader = await acquireJobLease(await getDb(), REMINDER_SWEEP_LEASE, instanceId());
  return { leader: current.leader, became: current.leader && !was };
}

export function isSweepLeader(): boolean {
  return state().leader;
}

// The scheduler stopped (shutdown, tests): give the lease up so another instance need not wait.
export async function resignSweepLeadership(): Promise<void> {
  const current = state();
  current.heartbeat = false;
  if (!current.leader) return;
  current.leader = false;
  await releaseJobLease(await getDb(), REMINDER_SWEEP_LEASE, instanceId());
}

// Runs the sweep here if this instance holds or can take the lease; otherwise says who leads.
// While the run lasts the lease is renewed every third of its length, and a lost renewal (this
// process stalled past the lease and another took over) stops the run at the next batch.
export async function sweepRemindersOnLeader(now: Date = new Date()): Promise<LeaderSweepResult> {
  const current = state();
  if (current.running) return { ran: false, reason: "already_running_here", leader: instanceId() };
  const db = await getDb();
  const me = instanceId();
  if (!(await acquireJobLease(db, REMINDER_SWEEP_LEASE, me))) {
    return { ran: false, reason: "another_instance_leads", leader: await currentJobLeaseHolder(db, REMINDER_SWEEP_LEASE) };
  }
  current.running = true;
  let held = true;
  const renew = setInterval(
    () => {
      acquireJobLease(db, REMINDER_SWEEP_LEASE, me).then(
        (ok) => (held = ok),
        // The database unreachable: the sweep's own next batch fails too; nothing to decide here.
        (error) => logger().error({ err: errorFields(error) }, "reminder sweep lease not renewed"),
      );
    },
    (jobLeaseSeconds() * 1000) / 3,
  );
  renew.unref();
  try {
    return { ran: true, ...(await runReminderSweep(db, now, { shouldContinue: () => held })) };
  } finally {
    clearInterval(renew);
    current.running = false;
    if (!current.heartbeat && held)
      await releaseJobLease(db, REMINDER_SWEEP_LEASE, me).catch((error) => logger().error({ err: errorFields(error) }, "reminder sweep lease not released"));
  }
}
