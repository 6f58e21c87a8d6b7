import { afterEach, describe, expect, it, vi } from "vitest";
import { appBaseUrl, rememberRequestOrigin } from "@/lib/env";
import { logger } from "@/lib/log";
import { absoluteUrl } from "@/lib/notifications/links";

afterEach(() => {
  vi.unstubAllEnvs();
  delete (globalThis as { __portalOrigin?: string }).__portalOrigin;
});

describe("links in emails and sign-out (issue 13 item 1)", () => {
  it("use the origin the request came in on when NEXTAUTH_URL is not set", () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    rememberRequestOrigin("http://localhost:3101");
    expect(appBaseUrl()).toBe("http://localhost:3101");
    expect(absoluteUrl("/account/invoices/1")).toBe("http://localhost:3101/account/invoices/1");
  });

  it("never take a non-loopback Host into a link (a forged Host would poison reset links)", () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("PORT", "3101");
    rememberRequestOrigin("http://evil.example");
    rememberRequestOrigin("http://localhost.evil.example:3000");
    expect(appBaseUrl()).toBe("http://localhost:3101");
  });

  it("use NEXTAUTH_URL when it is set, whatever the request said", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://billing.example.com/");
    rememberRequestOrigin("http://localhost:3101");
    expect(appBaseUrl()).toBe("https://billing.example.com");
  });
});

describe("production start-up", () => {
  it("refuses to start outside demo mode without NEXTAUTH_URL", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("PORTAL_DEMO_MODE", "off");
    vi.stubEnv("NEXTAUTH_SECRET", "a-secret");
    vi.stubEnv("NEXTAUTH_URL", "");
    const exit = vi.spyOn(process, "exit").mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    // The refusal is the logger's fatal line (lib/log.ts), naming the setting.
    const error = vi.spyOn(logger(), "fatal").mockImplementation(() => {});
    const { startServer } = await import("@/lib/server/start");
    await expect(startServer()).rejects.toThrow("exit 1");
    expect(error).toHaveBeenCalledWith({ setting: "NEXTAUTH_URL" }, expect.stringContaining("NEXTAUTH_URL must be set"));
    exit.mockRestore();
    error.mockRestore();
  });
});
