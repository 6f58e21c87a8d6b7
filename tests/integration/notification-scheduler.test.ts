import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { startNotificationJobs, stopNotificationJobs } from "@/lib/notifications/scheduler";

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

  it("on shutdown stops its timers, waits for the run under way, and logs one line per run", async () => {
    delete process.env.NOTIFICATION_JOBS;
    const lines = vi.spyOn(logger(), "info");
    const jobLines = () => lines.mock.calls.filter((call) => call[1] === "job").map((call) => call[0] as { job: string; outcome: string });
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "clearTimeout", "clearInterval"] });
    startNotificationJobs();
    // The first sweep starts 3 s after start; stop while it runs against the database.
    vi.advanceTimersByTime(3_000);
    expect(jobLines()).toEqual([]);
    await stopNotificationJobs();
    expect(jobLines()).toEqual([expect.objectContaining({ job: "reminder-sweep", outcome: "ok", durationMs: expect.any(Number), notifications: expect.any(Number) })]);
    // No timer is left: a day of intervals starts nothing.
    vi.advanceTimersByTime(86_400_000);
    await vi.waitFor(() => undefined);
    expect(jobLines()).toHaveLength(1);
  });
});
