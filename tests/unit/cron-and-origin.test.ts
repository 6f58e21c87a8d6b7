import { afterEach, describe, expect, it } from "vitest";
import { authorizeCronRequest, cronNow } from "@/lib/http/cron-request";
import { isSameOriginRequest } from "@/lib/http/same-origin";

const saved = { secret: process.env.CRON_SECRET, env: process.env.NODE_ENV, url: process.env.NEXTAUTH_URL, travel: process.env.CRON_TIME_TRAVEL };
afterEach(() => {
  for (const [key, value] of [
    ["CRON_SECRET", saved.secret],
    ["NEXTAUTH_URL", saved.url],
    ["CRON_TIME_TRAVEL", saved.travel],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  (process.env as Record<string, string | undefined>).NODE_ENV = saved.env;
});

const cron = (authorization?: string, body?: string) =>
  new Request("http://localhost/api/cron/reminders", {
    method: "POST",
    headers: { ...(authorization ? { authorization } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    body,
  });
const CRON_LIMIT = 1024;

describe("cron routes", () => {
  it("do not exist without a configured CRON_SECRET", () => {
    delete process.env.CRON_SECRET;
    expect(() => authorizeCronRequest(cron("Bearer anything"))).toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("need the exact bearer secret", () => {
    process.env.CRON_SECRET = "s3cret-value";
    expect(() => authorizeCronRequest(cron())).toThrow(expect.objectContaining({ code: "unauthenticated" }));
    expect(() => authorizeCronRequest(cron("Bearer s3cret-valuE"))).toThrow(expect.objectContaining({ code: "unauthenticated" }));
    expect(() => authorizeCronRequest(cron("s3cret-value"))).toThrow(expect.objectContaining({ code: "unauthenticated" }));
    expect(() => authorizeCronRequest(cron("Bearer s3cret-value"))).not.toThrow();
  });

  it("accept a `now` override only outside production", async () => {
    (process.env as Record<string, string>).NODE_ENV = "test";
    expect((await cronNow(cron(undefined, JSON.stringify({ now: "2027-01-29T12:00:00Z" })), CRON_LIMIT)).toISOString()).toBe("2027-01-29T12:00:00.000Z");
    await expect(cronNow(cron(undefined, "{not json"), CRON_LIMIT)).rejects.toMatchObject({ code: "invalid" });
    (process.env as Record<string, string>).NODE_ENV = "production";
    await expect(cronNow(cron(undefined, JSON.stringify({ now: "2027-01-29T12:00:00Z" })), CRON_LIMIT)).rejects.toMatchObject({ code: "invalid" });
    expect(Math.abs((await cronNow(cron(), CRON_LIMIT)).getTime() - Date.now())).toBeLessThan(5_000);
  });

  it("accept it in production only with CRON_TIME_TRAVEL on (the topology test's time travel)", async () => {
    (process.env as Record<string, string>).NODE_ENV = "production";
    process.env.CRON_TIME_TRAVEL = "off";
    await expect(cronNow(cron(undefined, JSON.stringify({ now: "2027-01-29T12:00:00Z" })), CRON_LIMIT)).rejects.toMatchObject({ code: "invalid" });
    process.env.CRON_TIME_TRAVEL = "on";
    expect((await cronNow(cron(undefined, JSON.stringify({ now: "2027-01-29T12:00:00Z" })), CRON_LIMIT)).toISOString()).toBe("2027-01-29T12:00:00.000Z");
  });
});

describe("same-origin check", () => {
  const put = (headers: Record<string, string>) => new Request("http://localhost:3000/api/notification-preferences", { method: "PUT", headers });

  it("trusts the browser's Sec-Fetch-Site", () => {
    expect(isSameOriginRequest(put({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(put({ "sec-fetch-site": "cross-site", origin: "http://localhost:3000" }))).toBe(false);
    expect(isSameOriginRequest(put({ "sec-fetch-site": "same-site" }))).toBe(false);
  });

  it("falls back to Origin, and refuses a request with neither", () => {
    process.env.NEXTAUTH_URL = "https://billing.example.com";
    expect(isSameOriginRequest(put({ origin: "https://billing.example.com" }))).toBe(true);
    expect(isSameOriginRequest(put({ origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOriginRequest(put({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(put({}))).toBe(false);
  });
});
