import { afterEach, describe, expect, it, vi } from "vitest";
import { appBaseUrl, env, EnvError, isDemoMode, parseEnv, providerName } from "@/lib/env";

function problemsOf(source: Record<string, string | undefined>) {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("expected the settings to be refused");
}

describe("settings from the environment", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("need nothing set: every setting has the default `npm run dev` works with", () => {
    const settings = parseEnv({});
    expect(settings).toMatchObject({
      NODE_ENV: "development",
      DATABASE_POOL_MAX: 10,
      SESSION_MAX_AGE_SECONDS: 8 * 60 * 60,
      SIGN_IN_LIMIT_PER_EMAIL: 5,
      SIGN_IN_LIMIT_PER_IP: 20,
      TRUSTED_PROXY_COUNT: 0,
      PORTAL_PROVIDER_NAME: "Northwind Cloud",
      EMAIL_SEND_TIMEOUT_MS: 15_000,
      NOTIFICATION_JOBS: true,
      REMINDER_SWEEP_INTERVAL_MS: 900_000,
      OUTBOX_INTERVAL_MS: 30_000,
      CRON_TIME_TRAVEL: false,
      JOB_LEASE_SECONDS: 30,
      EXPORT_LEASE_SECONDS: 120,
    });
    for (const unset of ["DATABASE_URL", "PGLITE_DIR", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "PORTAL_DEMO_MODE", "RESEND_API_KEY", "EMAIL_FROM", "CRON_SECRET"] as const) {
      expect(settings[unset]).toBeUndefined();
    }
  });

  it("are typed: numbers become numbers, on/off become booleans, text is trimmed", () => {
    const settings = parseEnv({
      SIGN_IN_LIMIT_PER_IP: " 50 ",
      TRUSTED_PROXY_COUNT: "2",
      PORTAL_DEMO_MODE: "OFF",
      NOTIFICATION_JOBS: "off",
      CRON_SECRET: "  s3cret  ",
      DATABASE_URL: "postgresql://billing:pw@db.internal:5432/billing",
    });
    expect(settings.SIGN_IN_LIMIT_PER_IP).toBe(50);
    expect(settings.TRUSTED_PROXY_COUNT).toBe(2);
    expect(settings.PORTAL_DEMO_MODE).toBe(false);
    expect(settings.NOTIFICATION_JOBS).toBe(false);
    expect(settings.CRON_SECRET).toBe("s3cret");
    expect(settings.DATABASE_URL).toBe("postgresql://billing:pw@db.internal:5432/billing");
  });

  it("treat an empty value (`FOO=` in an env file) as not set", () => {
    const settings = parseEnv({ SIGN_IN_LIMIT_PER_IP: "", CRON_SECRET: "   ", PORTAL_PROVIDER_NAME: " ", DATABASE_URL: "" });
    expect(settings.SIGN_IN_LIMIT_PER_IP).toBe(20);
    expect(settings.CRON_SECRET).toBeUndefined();
    expect(settings.PORTAL_PROVIDER_NAME).toBe("Northwind Cloud");
    expect(settings.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ["SIGN_IN_LIMIT_PER_IP", "abc", "must be a whole number of at least 1"],
    ["SIGN_IN_LIMIT_PER_EMAIL", "0", "must be a whole number of at least 1"],
    ["TRUSTED_PROXY_COUNT", "-1", "must be a whole number of at least 0"],
    ["SESSION_MAX_AGE_SECONDS", "1.5", "must be a whole number of at least 60"],
    ["REMINDER_SWEEP_INTERVAL_MS", "10", "must be a whole number of at least 1000"],
    ["DATABASE_URL", "localhost:5432/billing", "must be a URL like postgres://user@host:5432/database"],
    ["DATABASE_URL", "mysql://db/billing", "must be a URL like postgres://user@host:5432/database"],
    ["NEXTAUTH_URL", "billing.example.com", "must be a URL like https://billing.example.com"],
    ["RESEND_BASE_URL", "not a url", "must be a URL like https://api.resend.com"],
    ["PORTAL_DEMO_MODE", "maybe", "must be on or off"],
    ["NOTIFICATION_JOBS", "sometimes", "must be on or off"],
    ["NODE_ENV", "staging", "must be development, production or test"],
    ["JOB_LEASE_SECONDS", "2", "must be a whole number from 3 to 600"],
    ["EXPORT_LEASE_SECONDS", "99999", "must be a whole number from 4 to 3600"],
    ["CRON_TIME_TRAVEL", "yes", "must be on or off"],
  ])("refuse %s=%s and name the setting", (setting, value, message) => {
    const error = problemsOf({ [setting]: value });
    expect(error.problems).toEqual([{ setting, message }]);
    expect(error.message).toContain(`${setting}: ${message}`);
  });

  it("name every wrong setting at once, without repeating their values", () => {
    const error = problemsOf({ SIGN_IN_LIMIT_PER_IP: "abc", DATABASE_URL: "postgres//secret-password@db", CRON_SECRET: "fine" });
    expect(error.problems.map((p) => p.setting)).toEqual(["DATABASE_URL", "SIGN_IN_LIMIT_PER_IP"]);
    expect(error.message).toMatch(/^Invalid environment settings/);
    expect(error.message).not.toContain("secret-password");
    expect(error.message).not.toContain("abc");
  });

  it("are read when asked, so a change to process.env applies to the next call", () => {
    vi.stubEnv("SIGN_IN_LIMIT_PER_IP", "7");
    expect(env().SIGN_IN_LIMIT_PER_IP).toBe(7);
    vi.stubEnv("SIGN_IN_LIMIT_PER_IP", "abc");
    expect(() => env()).toThrow(/SIGN_IN_LIMIT_PER_IP: must be a whole number/);
  });

  it("kept between calls follow every change, back and forth, and a wrong value is never kept", () => {
    vi.stubEnv("SIGN_IN_LIMIT_PER_IP", "7");
    expect(env().SIGN_IN_LIMIT_PER_IP).toBe(7);
    expect(env()).toBe(env());
    vi.stubEnv("SIGN_IN_LIMIT_PER_IP", "abc");
    expect(() => env()).toThrow(/SIGN_IN_LIMIT_PER_IP/);
    expect(() => env()).toThrow(/SIGN_IN_LIMIT_PER_IP/);
    vi.stubEnv("SIGN_IN_LIMIT_PER_IP", "8");
    expect(env().SIGN_IN_LIMIT_PER_IP).toBe(8);
    vi.stubEnv("SIGN_IN_LIMIT_PER_IP", "7");
    expect(env().SIGN_IN_LIMIT_PER_IP).toBe(7);
  });

  it("derive demo mode, the provider's name and the base URL", () => {
    vi.stubEnv("PORTAL_DEMO_MODE", "");
    vi.stubEnv("DATABASE_URL", "");
    expect(isDemoMode()).toBe(true); // embedded database
    vi.stubEnv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/billing");
    expect(isDemoMode()).toBe(false); // a real server
    vi.stubEnv("PORTAL_DEMO_MODE", "on");
    expect(isDemoMode()).toBe(true);
    vi.stubEnv("PORTAL_PROVIDER_NAME", " Acme Hosting ");
    expect(providerName()).toBe("Acme Hosting");
    vi.stubEnv("NEXTAUTH_URL", "");
    expect(appBaseUrl()).toBe("http://localhost:3000");
    vi.stubEnv("NEXTAUTH_URL", "https://billing.example.com/");
    expect(appBaseUrl()).toBe("https://billing.example.com");
  });
});
