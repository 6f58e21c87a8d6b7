import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// authSecret keeps its key in memory, so each case loads a fresh copy of the module.
async function freshAuthSecret() {
  vi.resetModules();
  return (await import("@/lib/auth/secret")).authSecret;
}

describe("authSecret", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("is NEXTAUTH_SECRET when set", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "from-the-environment");
    expect((await freshAuthSecret())()).toBe("from-the-environment");
  });

  it("without it, is a random key made once per installation and kept private under .data", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const dirA = mkdtempSync(path.join(tmpdir(), "secret-a-"));
    const dirB = mkdtempSync(path.join(tmpdir(), "secret-b-"));
    vi.spyOn(process, "cwd").mockReturnValue(dirA);
    const first = (await freshAuthSecret())();
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(readFileSync(path.join(dirA, ".data", "auth-secret"), "utf8")).toBe(first);
    expect(statSync(path.join(dirA, ".data", "auth-secret")).mode & 0o777).toBe(0o600);
    expect((await freshAuthSecret())()).toBe(first); // a restart keeps the sessions valid
    vi.spyOn(process, "cwd").mockReturnValue(dirB);
    expect((await freshAuthSecret())()).not.toBe(first); // another installation has its own
  });
});
