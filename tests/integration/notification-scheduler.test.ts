import { afterEach, describe, expect, it } from "vitest";
import { startNotificationJobs } from "@/lib/notifications/scheduler";

const saved = process.env.NOTIFICATION_JOBS;
afterEach(() => {
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
});
