import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { createTestAccount, createTestUser, TEST_PASSWORD } from "../support/factories";

// The sign-in throttle (R-P5), through authenticate only, so it holds whatever stores the count.
// What these assume (lib/auth/throttle.ts): after 5 attempts per email, each further attempt must
// wait a growing delay (1 minute after the fifth); while it waits even the right password gets
// `rate_limited`; a run is forgotten one quiet 15-minute window after its last backoff ended, so
// the count starts afresh; a successful sign-in clears the email's count. Every attempt comes from
// its own IP so the per-IP limit never decides.

const t0 = new Date("2026-11-25T12:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const THROTTLED = { ok: false, reason: "rate_limited" };
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
    expect(await signIn("ADA.LOVELACE@THROTTLE-CASE.TEST", minutes(0.5))).toMatchObject(THROTTLED);
    expect(await signIn(user.email, minutes(0.5))).toMatchObject(THROTTLED);
  });

  it("starts a fresh count once the window has passed, and throttles again in the new window", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account, ["member"], "grace.hopper@throttle-window.test");
    await fail(user.email, 5, t0);
    expect(await signIn(user.email, minutes(0.5))).toMatchObject(THROTTLED);

    // A quiet window after the backoff ended (t0 + 1 min): five more failures throttle again.
    await fail(user.email, 5, minutes(17));
    expect(await signIn(user.email, minutes(17.5))).toMatchObject(THROTTLED);

    // And after another quiet window: four failures are under the limit (a count that never
    // resets would be at 14 and still backing off).
    await fail(user.email, 4, minutes(40));
    expect(await signIn(user.email, minutes(40.5))).toMatchObject({ ok: true, userId: user.id });
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
