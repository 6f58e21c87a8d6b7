import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { loadIdentity, loadLiveIdentity } from "@/lib/access/load-viewer";
import { handOffSession, takeSessionHandoff } from "@/lib/access/session-handoff";
import { createSession, loadLiveSession, revokeSession } from "@/lib/auth/sessions";
import { disableUser } from "@/lib/users/disable-user";
import { createTestAccount, createTestOperator, createTestUser } from "../support/factories";

const now = new Date("2026-11-25T12:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const origin = { ip: "203.0.113.5", userAgent: "test" };

describe("the live session and its identity in one statement (loadLiveIdentity)", () => {
  it("is what loadLiveSession and loadIdentity give separately, and nothing once the session is revoked", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account, ["billing_manager"]);
    const db = await getDb();
    const session = await createSession(db, { userId: user.id, ...origin, now });
    const ref = { userId: user.id, sessionId: session.id };

    const live = await loadLiveIdentity(db, ref, later(1));
    expect(live!.session).toEqual(await loadLiveSession(db, ref, later(1)));
    expect(live!.identity).toEqual(await loadIdentity(db, user.id));

    await revokeSession(db, session.id, later(2));
    expect(await loadLiveIdentity(db, ref, later(3))).toBeNull();
    expect(await loadLiveIdentity(db, { ...ref, sessionId: "not-a-uuid" }, later(3))).toBeNull();
  });

  it("has no identity for a disabled user and the operator kind for provider staff", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    const { user } = await createTestUser(account, ["member"]);
    const db = await getDb();
    const session = await createSession(db, { userId: user.id, ...origin, now: new Date() });
    await disableUser(admin.viewer, user.id);
    expect(await loadLiveIdentity(db, { userId: user.id, sessionId: session.id }, new Date())).toBeNull();

    const operator = await createTestOperator();
    const opSession = await createSession(db, { userId: operator.userId, ...origin, now });
    const live = await loadLiveIdentity(db, { userId: operator.userId, sessionId: opSession.id }, later(1));
    expect(live!.session.isOperator).toBe(true);
    expect(live!.identity).toEqual(await loadIdentity(db, operator.userId));
  });
});

describe("the proxy's session handoff", () => {
  const live = { session: { sessionId: "s", userId: "u", isOperator: false, permissions: new Set<never>() }, identity: null };

  it("is taken once, and only with the cookie it was loaded for", () => {
    const token = handOffSession("cookie-a", live);
    expect(takeSessionHandoff(token, "cookie-b")).toBeUndefined();
    expect(takeSessionHandoff(token, "cookie-a")).toBeUndefined(); // a wrong cookie spent it

    const again = handOffSession("cookie-a", live);
    expect(takeSessionHandoff(again, "cookie-a")).toBe(live);
    expect(takeSessionHandoff(again, "cookie-a")).toBeUndefined();
  });

  it("finds nothing for a token it did not make or without a cookie", () => {
    const token = handOffSession("cookie-a", live);
    expect(takeSessionHandoff("made-up-by-a-client", "cookie-a")).toBeUndefined();
    expect(takeSessionHandoff(null, "cookie-a")).toBeUndefined();
    expect(takeSessionHandoff(token, undefined)).toBeUndefined();
  });
});

describe("an upgraded account in the identity", () => {
  it("carries the time the account was upgraded, as loadIdentity does", async () => {
    const upgradedAt = new Date("2026-10-01T08:30:00Z");
    const account = await createTestAccount({ invoiceGeneration: 4, upgradedAt });
    const { user } = await createTestUser(account, ["billing_viewer"]);
    const db = await getDb();
    const session = await createSession(db, { userId: user.id, ...origin, now });
    const live = await loadLiveIdentity(db, { userId: user.id, sessionId: session.id }, later(1));
    expect(live!.identity).toMatchObject({ kind: "customer", account: { invoiceGeneration: 4, upgradedAt } });
    expect(live!.identity).toEqual(await loadIdentity(db, user.id));
  });
});
