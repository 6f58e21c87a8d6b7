import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { createTestAccount, createTestUser, TEST_PASSWORD } from "../support/factories";

// The sign-in throttle (R-P5), through authenticate only, so it holds whatever stores the count.
// What these assume: at most 5 failed attempts per email in a 15-minute window that starts at the
// window's first failure; once reached, even the right password gets `rate_limited`; an attempt
// 15 minutes or more after the window started begins a new window with a fresh count; a successful
// sign-in clears the email's count. Every
// attempt comes from its own IP so the per-IP limit never decides.

const t0 = new Date("2026-11-25T12:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
let ipSeq = 0;
const nextIp = () => `10.77.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

async function fail(email: string, times: number, now: Date) {
  const db = await getDb();
  for (let i = 0; i < times; i++) expect(await authenticate(db, { email, password: "wrong", ip: nextIp(), now })).toMatchObject({ ok: false });
}

async function signIn(email: string, now: Date) {
  return authenticate(await getDb(), { email, password: TEST_PASSWORD, ip: nextIp(), now });
}

describe("sign-in throttle per email", () => {
  it("counts an email's failures whatever its letter case: five as User@…, then USER@… is throttled", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account, ["member"], "ada.lovelace@throttle-case.test");
    await fail("Ada.Lovelace@Throttle-Case.test", 5, t0);
    expect(await signIn("ADA.LOVELACE@THROTTLE-CASE.TEST", minutes(1))).toEqual({ ok: false, reason: "rate_limited" });
    expect(await signIn(user.email, minutes(1))).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("starts a fresh count once the window has passed, and throttles again in the new window", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account, ["member"], "grace.hopper@throttle-window.test");
    await fail(user.email, 5, t0);
    expect(await signIn(user.email, minutes(14))).toEqual({ ok: false, reason: "rate_limited" });

    // A new window: five more failures throttle again (a window that never moves on would not).
    await fail(user.email, 5, minutes(16));
    expect(await signIn(user.email, minutes(17))).toEqual({ ok: false, reason: "rate_limited" });

    // And another: four failures are under the limit (a count that never resets would be at 14).
    await fail(user.email, 4, minutes(32));
    expect(await signIn(user.email, minutes(33))).toMatchObject({ ok: true, userId: user.id });
  });

  it("clears an email's count when its owner signs in", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account, ["member"], "alan.turing@throttle-clear.test");
    await fail(user.email, 4, t0);
    expect(await signIn(user.email, minutes(1))).toMatchObject({ ok: true });
    // Four more typos are four, not eight: the owner is not locked out by their own past mistakes.
    await fail(user.email, 4, minutes(2));
    expect(await signIn(user.email, minutes(3))).toMatchObject({ ok: true });
  });
});
