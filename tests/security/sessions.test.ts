import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox, sessions, userTokens } from "@/db/schema";
import { listMySessions, signOutOtherSessions } from "@/lib/auth/account-sessions";
import { authenticate } from "@/lib/auth/authenticate";
import { changePassword } from "@/lib/auth/change-password";
import { authOptions } from "@/lib/auth/options";
import { isResetTokenOpen, requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { createSession, loadLiveSession, revokeSession } from "@/lib/auth/sessions";
import { disableUser, enableUser } from "@/lib/users/disable-user";
import { createTestAccount, createTestUser, setUserRoles, TEST_PASSWORD } from "../support/factories";

const now = new Date("2026-11-25T12:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const origin = { ip: "203.0.113.5", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36" };

async function signedIn(roles: Parameters<typeof createTestUser>[1] = ["account_admin"]) {
  const account = await createTestAccount();
  const { user, viewer } = await createTestUser(account, roles);
  const session = await createSession(await getDb(), { userId: user.id, ...origin, now });
  return { account, user, viewer, ref: { userId: user.id, sessionId: session.id } };
}

describe("server-side sessions", () => {
  it("is live with the user's current permissions, read in the same query", async () => {
    const { account, user, ref } = await signedIn(["billing_viewer"]);
    const db = await getDb();
    expect([...(await loadLiveSession(db, ref, now))!.permissions].sort()).toEqual(["invoices.view", "support.use"]);
    await setUserRoles(account, user.id, ["member"]);
    expect((await loadLiveSession(db, ref, later(1)))!.permissions.size).toBe(0);
  });

  it("is dead once revoked (sign-out), and a replayed cookie does not bring it back", async () => {
    const { ref } = await signedIn();
    const db = await getDb();
    await revokeSession(db, ref.sessionId, later(10));
    expect(await loadLiveSession(db, ref, later(11))).toBeNull();
    expect(await loadLiveSession(db, ref, later(12))).toBeNull();
  });

  it("ends after the idle timeout without requests, and activity keeps it alive", async () => {
    vi.stubEnv("SESSION_IDLE_TIMEOUT_SECONDS", "600");
    const { ref } = await signedIn();
    const db = await getDb();
    expect(await loadLiveSession(db, ref, later(500))).not.toBeNull();
    expect(await loadLiveSession(db, ref, later(1000))).not.toBeNull(); // 500 s after the last request
    expect(await loadLiveSession(db, ref, later(1700))).toBeNull(); // 700 s idle
    vi.unstubAllEnvs();
  });

  it("ends at the absolute lifetime whatever the activity", async () => {
    vi.stubEnv("SESSION_MAX_AGE_SECONDS", "3600");
    vi.stubEnv("SESSION_IDLE_TIMEOUT_SECONDS", "1800");
    const { ref } = await signedIn();
    const db = await getDb();
    for (let t = 900; t < 3600; t += 900) expect(await loadLiveSession(db, ref, later(t))).not.toBeNull();
    expect(await loadLiveSession(db, ref, later(3601))).toBeNull();
    vi.unstubAllEnvs();
  });

  it("does not load for a session id of another user or a malformed id", async () => {
    const a = await signedIn();
    const b = await signedIn();
    const db = await getDb();
    expect(await loadLiveSession(db, { userId: b.user.id, sessionId: a.ref.sessionId }, now)).toBeNull();
    expect(await loadLiveSession(db, { userId: a.user.id, sessionId: "'; drop table sessions;--" }, now)).toBeNull();
  });

  it("disabling a user revokes every session, and re-enabling does not revive them", async () => {
    const { account, viewer } = await signedIn();
    const { user: other } = await createTestUser(account, ["billing_viewer"]);
    const db = await getDb();
    const s1 = await createSession(db, { userId: other.id, ...origin, now });
    const s2 = await createSession(db, { userId: other.id, ...origin, now });
    await disableUser(viewer, other.id, {}, {}, later(5));
    await enableUser(viewer, other.id);
    for (const s of [s1, s2]) expect(await loadLiveSession(db, { userId: other.id, sessionId: s.id }, later(6))).toBeNull();
  });

  it("next-auth's jwt callback refuses a revoked session, so /api/auth/session cannot re-issue it", async () => {
    const { user } = await signedIn();
    // The callback reads the real clock, so this session starts now.
    const session = await createSession(await getDb(), { userId: user.id, ...origin, now: new Date() });
    const ref = { userId: user.id, sessionId: session.id };
    const jwt = authOptions.callbacks!.jwt!;
    const token = { sub: ref.userId, sid: ref.sessionId };
    await expect(jwt({ token } as never)).resolves.toEqual(token);
    await revokeSession(await getDb(), ref.sessionId, new Date());
    await expect(jwt({ token } as never)).rejects.toThrow();
    await expect(jwt({ token: { sub: ref.userId } } as never)).rejects.toThrow();
  });

  it("sign-out through next-auth revokes the row", async () => {
    const { ref } = await signedIn();
    await authOptions.events!.signOut!({ token: { sid: ref.sessionId }, session: undefined as never });
    expect(await loadLiveSession(await getDb(), ref, new Date())).toBeNull();
  });
});

describe("Settings > Security", () => {
  it("lists the user's live sessions with this device marked, and signs out the others", async () => {
    const { user, viewer, ref } = await signedIn();
    const db = await getDb();
    const other = await createSession(db, { userId: user.id, ip: "198.51.100.7", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1", now });
    const rows = await listMySessions(viewer, ref.sessionId, later(1));
    expect(rows.map((r) => [r.device, r.ip, r.current]).sort()).toEqual([
      ["Chrome on Linux", "203.0.113.5", true],
      ["Safari on iOS", "198.51.100.7", false],
    ]);
    expect(await signOutOtherSessions(viewer, ref.sessionId, origin, later(2))).toBe(1);
    expect(await loadLiveSession(db, { userId: user.id, sessionId: other.id }, later(3))).toBeNull();
    expect(await loadLiveSession(db, ref, later(3))).not.toBeNull();
  });

  it("changes the password only with the current one, checks its strength, and revokes every session", async () => {
    const { user, ref } = await signedIn();
    const db = await getDb();
    const who = { userId: user.id, email: user.email };
    const o = { ip: "203.0.113.5", userAgent: null };
    await expect(changePassword(who, { currentPassword: "wrong", password: "a long new passphrase", confirm: "a long new passphrase" }, o, now)).rejects.toMatchObject({
      code: "invalid",
      details: { fieldErrors: { currentPassword: ["That is not your current password."] } },
    });
    await expect(changePassword(who, { currentPassword: TEST_PASSWORD, password: "short", confirm: "short" }, o, now)).rejects.toMatchObject({
      details: { fieldErrors: { password: [expect.stringContaining("at least 12 characters")] } },
    });
    await expect(changePassword(who, { currentPassword: TEST_PASSWORD, password: "password1234", confirm: "password1234" }, o, now)).rejects.toMatchObject({
      details: { fieldErrors: { password: [expect.stringContaining("most common")] } },
    });
    const fresh = await changePassword(who, { currentPassword: TEST_PASSWORD, password: "a long new passphrase", confirm: "a long new passphrase" }, o, now);
    expect(await loadLiveSession(db, ref, later(1))).toBeNull();
    expect(await loadLiveSession(db, { userId: user.id, sessionId: fresh.sessionId }, later(1))).not.toBeNull();
    expect(await authenticate(db, { email: user.email, password: "a long new passphrase", ip: "unknown", now: later(2) })).toEqual({ ok: true, userId: user.id });
  });
});

describe("forgot password", () => {
  it("answers the same for unknown addresses and sends nothing", async () => {
    const db = await getDb();
    const before = await db.select().from(emailOutbox);
    await expect(requestPasswordReset("nobody@nowhere.test", origin, now)).resolves.toBeUndefined();
    expect(await db.select().from(emailOutbox)).toHaveLength(before.length);
  });

  it("emails a one-time, hashed, short-lived link that resets the password and revokes every session", async () => {
    const { user, ref } = await signedIn();
    const db = await getDb();
    await requestPasswordReset(user.email.toUpperCase(), origin, now);
    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, user.email));
    const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(email.text)![1];
    const stored = await db.select({ tokenHash: userTokens.tokenHash, expiresAt: userTokens.expiresAt }).from(userTokens).where(eq(userTokens.userId, user.id));
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);
    expect(stored[0].expiresAt.getTime() - now.getTime()).toBe(30 * 60_000);

    expect(await isResetTokenOpen(token, later(60))).toBe(true);
    await expect(resetPassword(token, { password: "short", confirm: "short" }, origin, later(60))).rejects.toMatchObject({ code: "invalid" });
    await resetPassword(token, { password: "another long passphrase", confirm: "another long passphrase" }, origin, later(60));
    expect(await loadLiveSession(db, ref, later(61))).toBeNull();
    await expect(resetPassword(token, { password: "yet another passphrase", confirm: "yet another passphrase" }, origin, later(62))).rejects.toMatchObject({ code: "conflict" });
    expect(await authenticate(db, { email: user.email, password: "another long passphrase", ip: "unknown", now: later(63) })).toEqual({ ok: true, userId: user.id });
  });

  it("refuses an expired link", async () => {
    const { user } = await signedIn();
    const db = await getDb();
    await requestPasswordReset(user.email, origin, now);
    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, user.email));
    const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(email.text)![1];
    expect(await isResetTokenOpen(token, later(31 * 60))).toBe(false);
    await expect(resetPassword(token, { password: "another long passphrase", confirm: "another long passphrase" }, origin, later(31 * 60))).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("keeps only rows with valid IPs", async () => {
    const db = await getDb();
    const rows = await db.select({ ip: sessions.ip }).from(sessions);
    for (const { ip } of rows) expect(ip === "unknown" || /^[0-9a-f.:]+$/i.test(ip)).toBe(true);
  });
});
