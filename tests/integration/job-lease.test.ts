import { count, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobLeases, reminderSweeps } from "@/db/schema";
import { acquireJobLease, currentJobLeaseHolder, instanceId, releaseJobLease } from "@/lib/jobs/job-lease";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { startNotificationJobs } from "@/lib/notifications/scheduler";
import { isSweepLeader, REMINDER_SWEEP_LEASE, sweepRemindersOnLeader } from "@/lib/notifications/sweep-leader";
import { runThroughBarrier } from "../support/lock-barrier";
import { itOnPostgres } from "../support/postgres-only";

// Leader leases (issue 15): one holder per job across instances, taken over once it expires.
const expireLease = async (name: string) =>
  (await getDb())
    .update(jobLeases)
    .set({ expiresAt: sql`clock_timestamp() - interval '1 second'` })
    .where(eq(jobLeases.name, name));

describe("job leases", () => {
  it("are held by one instance, renewed by it, refused to others until they expire, then taken over", async () => {
    const db = await getDb();
    expect(await acquireJobLease(db, "t1", "a", 30)).toBe(true);
    expect(await acquireJobLease(db, "t1", "b", 30)).toBe(false);
    expect(await currentJobLeaseHolder(db, "t1")).toBe("a");
    // The holder renews: expiry moves forward, the time it first took the lease stays.
    const [before] = await db.select().from(jobLeases).where(eq(jobLeases.name, "t1"));
    expect(await acquireJobLease(db, "t1", "a", 60)).toBe(true);
    const [after] = await db.select().from(jobLeases).where(eq(jobLeases.name, "t1"));
    expect(after.expiresAt.getTime()).toBeGreaterThan(before.expiresAt.getTime());
    expect(after.acquiredAt).toEqual(before.acquiredAt);

    // The leader died: its lease runs out, the next instance to ask takes it, the old one cannot renew.
    await expireLease("t1");
    expect(await currentJobLeaseHolder(db, "t1")).toBeNull();
    expect(await acquireJobLease(db, "t1", "b", 30)).toBe(true);
    expect(await acquireJobLease(db, "t1", "a", 30)).toBe(false);
    expect(await currentJobLeaseHolder(db, "t1")).toBe("b");
  });

  it("are given up only by their holder", async () => {
    const db = await getDb();
    expect(await acquireJobLease(db, "t2", "a", 30)).toBe(true);
    await releaseJobLease(db, "t2", "b");
    expect(await currentJobLeaseHolder(db, "t2")).toBe("a");
    await releaseJobLease(db, "t2", "a");
    expect(await currentJobLeaseHolder(db, "t2")).toBeNull();
    expect(await acquireJobLease(db, "t2", "b", 30)).toBe(true);
  });

  itOnPostgres("of several instances asking for a free lease at the same moment, exactly one gets it", async () => {
    const db = await getDb();
    await acquireJobLease(db, "t3", "old", 30);
    await expireLease("t3");
    const holders = ["a", "b", "c", "d"];
    const results = await runThroughBarrier(
      "job_leases",
      holders.map((holder) => () => acquireJobLease(db, "t3", holder, 30)),
    );
    const won = results.map((r, i) => (r.status === "fulfilled" && r.value ? holders[i] : null)).filter(Boolean);
    expect(won).toHaveLength(1);
    expect(await currentJobLeaseHolder(db, "t3")).toBe(won[0]);
  });
});

describe("the reminder sweep on the leader", () => {
  it("does not run while another instance holds the lease, and runs (then gives the lease back) once it is free", async () => {
    const db = await getDb();
    const now = new Date("2026-12-20T12:00:00Z");
    await acquireJobLease(db, REMINDER_SWEEP_LEASE, "other-instance", 30);
    expect(await sweepRemindersOnLeader(now)).toEqual({ ran: false, reason: "another_instance_leads", leader: "other-instance" });
    expect((await db.select({ n: count() }).from(reminderSweeps))[0].n).toBe(0);

    await expireLease(REMINDER_SWEEP_LEASE);
    const result = await sweepRemindersOnLeader(now);
    expect(result.ran).toBe(true);
    expect((await db.select({ n: count() }).from(reminderSweeps))[0].n).toBe(1);
    // No scheduler in this process to keep leading: the lease is free again at once.
    expect(await currentJobLeaseHolder(db, REMINDER_SWEEP_LEASE)).toBeNull();
    expect(instanceId()).toMatch(/:\d+:[0-9a-f]{8}$/);
  });

  it("stops at a batch boundary once its lease is lost, recording why", async () => {
    const db = await getDb();
    await expect(runReminderSweep(db, new Date("2026-12-20T12:00:00Z"), { shouldContinue: () => false })).rejects.toThrow(/took over/);
    const [run] = await db
      .select()
      .from(reminderSweeps)
      .orderBy(sql`started_at desc`)
      .limit(1);
    expect(run.error).toMatch(/another instance took over/);
    expect(run.batches).toBe(0);
  });
});

describe("the scheduler's heartbeat", () => {
  const saved = { jobs: process.env.NOTIFICATION_JOBS, seconds: process.env.JOB_LEASE_SECONDS };
  afterEach(() => {
    for (const [key, value] of [
      ["NOTIFICATION_JOBS", saved.jobs],
      ["JOB_LEASE_SECONDS", saved.seconds],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("takes a dead leader's lease once it expires, sweeps at once, and gives the lease up when stopped", async () => {
    const db = await getDb();
    process.env.NOTIFICATION_JOBS = "on";
    process.env.JOB_LEASE_SECONDS = "3";
    // A leader that died a moment ago: its lease runs for another second.
    await acquireJobLease(db, REMINDER_SWEEP_LEASE, "dead-instance", 1);
    const jobs = startNotificationJobs()!;
    try {
      const deadline = Date.now() + 15_000;
      while (!isSweepLeader() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(isSweepLeader()).toBe(true);
      expect(await currentJobLeaseHolder(db, REMINDER_SWEEP_LEASE)).toBe(instanceId());
      while ((await db.select({ n: count() }).from(reminderSweeps))[0].n === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await db.select({ n: count() }).from(reminderSweeps))[0].n).toBeGreaterThan(0);
    } finally {
      jobs.stop();
    }
    const deadline = Date.now() + 5_000;
    while ((await currentJobLeaseHolder(db, REMINDER_SWEEP_LEASE)) !== null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await currentJobLeaseHolder(db, REMINDER_SWEEP_LEASE)).toBeNull();
  });
});
