import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getConnection, getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { deviceIdFor, issueDeviceToken } from "@/lib/auth/device-cookie";
import { backoffSeconds } from "@/lib/auth/throttle";
import { signInErrorMessage } from "@/lib/auth/sign-in";
import { createTestAccount, createTestUser, TEST_PASSWORD } from "../support/factories";

const now = new Date("2026-11-25T12:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

async function outcomes(userId: string) {
  const rows = await (
    await getDb()
  )
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, userId), inArray(auditEvents.action, ["auth.sign_in_failed", "auth.sign_in_throttled", "auth.sign_in"])));
  const count = (action: string) => rows.filter((r) => r.action === action).length;
  return { evaluated: count("auth.sign_in_failed") + count("auth.sign_in"), throttled: count("auth.sign_in_throttled") };
}

describe("sign-in throttle", () => {
  it("evaluates at most the limit of 40 concurrent wrong passwords for one account", async () => {
    const { driver } = await getConnection();
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    const db = await getDb();
    // Each attempt on its own pooled connection (pg): the reservation is the only thing in the way.
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => authenticate(db, { email: user.email, password: `wrong-${i}`, ip: `10.40.${i}.1`, now })));
    const { evaluated, throttled } = await outcomes(user.id);
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(evaluated + throttled).toBe(40);
    expect(results.filter((r) => r.ok === false && r.reason === "rate_limited")).toHaveLength(throttled);
    expect(["pg", "pglite"]).toContain(driver);
  });

  it("refuses the right password from a browser that has never signed in, and says how long to wait", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    const db = await getDb();
    for (let i = 0; i < 5; i++) await authenticate(db, { email: user.email, password: "wrong", ip: "unknown", now });
    const refused = await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "unknown", now: minutes(0.5) });
    expect(refused).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 30 });
    expect(signInErrorMessage(refused as { reason: "rate_limited"; retryAfterSeconds: number })).toBe("Too many sign-in attempts. Wait 1 minute and try again.");
  });

  it("backs off with a growing delay instead of a flat lockout", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    const db = await getDb();
    let t = 0;
    for (let i = 0; i < 5; i++) await authenticate(db, { email: user.email, password: "wrong", ip: "unknown", now: minutes(t) });
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await authenticate(db, { email: user.email, password: "wrong", ip: "unknown", now: minutes(t) });
      if (refused.ok || refused.reason !== "rate_limited") throw new Error("expected a throttled attempt");
      waits.push(refused.retryAfterSeconds);
      t += refused.retryAfterSeconds / 60;
      // At the end of the wait one attempt is evaluated again (and fails), which doubles the next wait.
      expect(await authenticate(db, { email: user.email, password: "wrong", ip: "unknown", now: minutes(t) })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(waits).toEqual([60, 120, 240, 480]);
    expect(backoffSeconds(30, 5)).toBe(600);
    // After the wait, the real user's right password works: no lockout that renews itself.
    const next = await authenticate(db, { email: user.email, password: "wrong", ip: "unknown", now: minutes(t) });
    if (next.ok || next.reason !== "rate_limited") throw new Error("expected a throttled attempt");
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "unknown", now: minutes(t + next.retryAfterSeconds / 60) })).toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("lets a browser with the account's device cookie in while the account is throttled for everyone else", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    const db = await getDb();
    const deviceToken = issueDeviceToken(user.id);
    for (let i = 0; i < 12; i++) await authenticate(db, { email: user.email, password: "attacker", ip: "unknown", now });
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "unknown", now })).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "unknown", deviceToken, now })).toEqual({ ok: true, userId: user.id });
  });

  it("does not accept a device cookie issued for another user, or a forged one", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    const { user: other } = await createTestUser(account);
    const db = await getDb();
    const forged = issueDeviceToken(user.id).replace(/\.[^.]+$/, ".AAAA");
    expect(deviceIdFor(forged, user.id)).toBeNull();
    expect(deviceIdFor(issueDeviceToken(other.id), user.id)).toBeNull();
    for (let i = 0; i < 5; i++) await authenticate(db, { email: user.email, password: "attacker", ip: "unknown", now });
    for (const deviceToken of [forged, issueDeviceToken(other.id), "garbage"]) {
      expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "unknown", deviceToken, now })).toMatchObject({ ok: false, reason: "rate_limited" });
    }
  });

  it("gives a remembered device its own budget, so it cannot be used to guess without limit", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    const db = await getDb();
    const deviceToken = issueDeviceToken(user.id);
    for (let i = 0; i < 5; i++) await authenticate(db, { email: user.email, password: "typo", ip: "unknown", deviceToken, now });
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "unknown", deviceToken, now })).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("does not throttle per IP when the IP is unknown (one bucket for everyone would lock everyone out)", async () => {
    const db = await getDb();
    for (let i = 0; i < 25; i++) await authenticate(db, { email: `guess${i}@unknown-ip.test`, password: "wrong", ip: "unknown", now });
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "unknown", now })).toEqual({ ok: true, userId: user.id });
  });

  it("never puts database text into the answer for hostile input", async () => {
    const db = await getDb();
    const result = await authenticate(db, { email: "x%00'; select 1--@a.test\u0000", password: "p", ip: "unknown", now });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await db.select({ id: users.id }).from(users).where(eq(users.email, "nobody"))).toEqual([]);
  });
});
