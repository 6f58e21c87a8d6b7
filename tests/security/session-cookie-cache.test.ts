import { afterEach, describe, expect, it, vi } from "vitest";
import { encodeSessionCookie, readSessionCookie } from "@/lib/auth/session-cookie";

const ref = { userId: "6f1c1c52-4a43-4c36-9d53-0f7c1a3f1f10", sessionId: "0b8e1d7e-3d1a-4c55-a0f1-2a6a8f0b9c11" };

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

// readSessionCookie keeps what it decrypted per cookie value; the kept result must never outlive
// what decrypting again would say.
describe("the session cookie's decoded value, kept per cookie", () => {
  it("reads the same session each time, and nothing under another secret", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "first-secret-for-this-test-0123456789");
    const cookie = await encodeSessionCookie(ref);
    expect(await readSessionCookie(cookie)).toEqual(ref);
    expect(await readSessionCookie(cookie)).toEqual(ref);
    vi.stubEnv("NEXTAUTH_SECRET", "other-secret-for-this-test-0123456789");
    expect(await readSessionCookie(cookie)).toBeNull();
  });

  it("reads nothing once the token has expired, though it was read before", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "expiry-secret-for-this-test-0123456789");
    vi.stubEnv("SESSION_MAX_AGE_SECONDS", "60");
    vi.useFakeTimers({ now: new Date("2026-11-25T12:00:00Z"), toFake: ["Date"] });
    const cookie = await encodeSessionCookie(ref);
    expect(await readSessionCookie(cookie)).toEqual(ref);
    // Past exp and next-auth's clock tolerance (15 s).
    vi.setSystemTime(new Date("2026-11-25T12:02:00Z"));
    expect(await readSessionCookie(cookie)).toBeNull();
  });

  it("reads nothing from a tampered value", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "tamper-secret-for-this-test-0123456789");
    const cookie = await encodeSessionCookie(ref);
    expect(await readSessionCookie(cookie)).toEqual(ref);
    expect(await readSessionCookie(`${cookie.slice(0, -2)}AA`)).toBeNull();
  });
});
