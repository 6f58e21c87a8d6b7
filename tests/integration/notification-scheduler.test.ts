import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { startNotificationJobs, stopNotificationJobs } from "@/lib/notifications/scheduler";
import { isSweepLeader } from "@/lib/notifications/sweep-leader";
import { itOnPostgres } from "../support/postgres-only";

const saved = process.env.NOTIFICATION_JOBS;
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  if (saved === undefined) delete process.env.NOTIFICATION_JOBS;
  else process.env.NOTIFICATION_JOBS = saved;
});

describe("in-process scheduler", () => {
  it("starts once per process and stops cleanly", () => {
    delete process.env.NOTIFICATION_JOBS;
    const jobs = startNotificationJobs();
    expect(jobs).not.toBeNull();
    expect(startNotificationJobs()).toBe(jobs);
    jobs!.stop();
    const again = startNotificationJobs();
    expect(again).not.toBe(jobs);
    again!.stop();
  });

  it("stays off with NOTIFICATION_JOBS=off, for platforms that call the cron routes", () => {
    process.env.NOTIFICATION_JOBS = "off";
    expect(startNotificationJobs()).toBeNull();
  });

  itOnPostgres("on shutdown stops its timers, waits for the sweep under way, and logs one line per run", async () => {
    delete process.env.NOTIFICATION_JOBS;
    const lines = vi.spyOn(logger(), "info");
    const jobLines = () => lines.mock.calls.filter((call) => call[1] === "job").map((call) => call[0] as { job: string; outcome: string });
    // Another connection holds reminder_sweeps, so the sweep blocks at its first write (its run row).
    const { Client } = await import("pg");
    const blocker = new Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query("begin");
    await blocker.query("lock table reminder_sweeps in exclusive mode");
    try {
      vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "clearTimeout", "clearInterval"] });
      startNotificationJobs();
      // 3 s after start the instance takes the sweep's lease and sweeps.
      vi.advanceTimersByTime(3_000);
      await vi.waitFor(() => expect(isSweepLeader()).toBe(true));
      vi.useRealTimers();
      let stopped = false;
      const stopping = stopNotificationJobs().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stopped, "stop waits for the sweep under way").toBe(false);
      await blocker.query("commit");
      await stopping;
      expect(jobLines()).toEqual([expect.objectContaining({ job: "reminder-sweep", outcome: "ok", durationMs: expect.any(Number), ran: true })]);
    } finally {
      await blocker.end();
    }
    // No timer is left: an hour later nothing more has run.
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "clearTimeout", "clearInterval"] });
    vi.advanceTimersByTime(3_600_000);
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(jobLines()).toHaveLength(1);
  });
});
