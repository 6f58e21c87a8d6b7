import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, userRoles, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import { loadIdentity } from "@/lib/access/load-viewer";
import { listAccountAdministrators } from "@/lib/accounts/list-administrators";
import { authenticate } from "@/lib/auth/authenticate";
import { AppError } from "@/lib/errors";
import { createTestAccount, createTestOperator, createTestUser, setUserRoles, TEST_PASSWORD } from "../support/factories";

const now = new Date("2026-11-25T12:00:00Z");

describe("viewer", () => {
  it("loads the union of the user's roles' permissions from the database", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_viewer", "member"]);
    expect([...viewer.permissions].sort()).toEqual(["invoices.view", "support.use"]);
    expect(viewer.accountId).toBe(account.account.id);
  });

  it("applies a role change on the next load, with no session refresh", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account, ["billing_manager"]);
    await setUserRoles(account, user.id, ["member"]);
    const identity = await loadIdentity(await getDb(), user.id);
    expect(identity?.kind === "customer" && identity.permissions.size).toBe(0);
  });

  it("gives a disabled user no identity at all", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    await (await getDb()).update(users).set({ disabledAt: now }).where(eq(users.id, user.id));
    expect(await loadIdentity(await getDb(), user.id)).toBeNull();
  });

  it("requirePermission refuses a viewer without the permission", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["member"]);
    expect(() => requirePermission(viewer, "invoices.view")).toThrow(AppError);
  });

  it("an operator is not a customer viewer", async () => {
    const operator = await createTestOperator();
    expect(operator.kind).toBe("operator");
  });
});

describe("cross-account isolation", () => {
  it("lists only the viewer's own account's administrators", async () => {
    const a = await createTestAccount();
    const b = await createTestAccount();
    const adminA = await createTestUser(a, ["account_admin"]);
    await createTestUser(b, ["account_admin"]);
    const { viewer } = await createTestUser(a, ["member"]);
    const admins = await listAccountAdministrators(viewer);
    expect(admins.map((x) => x.email)).toEqual([adminA.user.email]);
  });

  it("the database refuses a role of another account on a user", async () => {
    const a = await createTestAccount();
    const b = await createTestAccount();
    const { user } = await createTestUser(a, ["member"]);
    const db = await getDb();
    await expect(db.insert(userRoles).values({ accountId: a.account.id, userId: user.id, roleId: b.roleIds.account_admin })).rejects.toThrow();
    await expect(db.insert(userRoles).values({ accountId: b.account.id, userId: user.id, roleId: b.roleIds.account_admin })).rejects.toThrow();
  });
});

describe("sign-in", () => {
  it("accepts the right password and records the sign-in", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    const result = await authenticate(await getDb(), { email: user.email.toUpperCase(), password: TEST_PASSWORD, ip: "10.0.0.1", now });
    expect(result).toEqual({ ok: true, userId: user.id });
    const events = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.actorUserId, user.id));
    expect(events.map((e) => e.action)).toContain("auth.sign_in");
    expect(events[0].ip).toBe("10.0.0.1");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    const db = await getDb();
    const wrong = await authenticate(db, { email: user.email, password: "nope", ip: "10.0.0.2", now });
    const unknown = await authenticate(db, { email: "nobody@nowhere.test", password: "nope", ip: "10.0.0.2", now });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses a disabled user with the generic failure", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    const db = await getDb();
    await db.update(users).set({ disabledAt: now }).where(eq(users.id, user.id));
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "10.0.0.3", now })).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an email after 5 failures, even with the right password, until the window passes", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    const db = await getDb();
    for (let i = 0; i < 5; i++) {
      await authenticate(db, { email: user.email, password: "wrong", ip: `10.1.0.${i}`, now });
    }
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "10.1.1.1", now })).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: expect.any(Number),
    });
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "10.1.1.1", now: later })).toMatchObject({ ok: true });
  });

  it("throttles a client IP after 20 failures across different emails", async () => {
    const db = await getDb();
    for (let i = 0; i < 20; i++) {
      await authenticate(db, { email: `guess${i}@x.test`, password: "wrong", ip: "10.9.9.9", now });
    }
    const account = await createTestAccount();
    const { user } = await createTestUser(account);
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "10.9.9.9", now })).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: expect.any(Number),
    });
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "10.9.9.10", now })).toMatchObject({ ok: true });
  });
});
