import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, emailOutbox, userRoles, users, userTokens } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { AppError } from "@/lib/errors";
import { acceptInvitation, getInvitation } from "@/lib/users/accept-invitation";
import { disableUser, enableUser } from "@/lib/users/disable-user";
import { hashToken } from "@/lib/users/invitation-token";
import { inviteUser, resendInvitation } from "@/lib/users/invite-user";
import { getUser, listUsers } from "@/lib/users/list-users";
import { setUserRoles } from "@/lib/users/set-user-roles";
import { createTestAccount, createTestUser } from "../support/factories";

const now = new Date("2026-11-25T12:00:00Z");
const DAY = 86_400_000;
const PASSWORD = "correct horse battery";

let seq = 0;
function freshEmail() {
  return `nia-${++seq}-${Date.now()}@example.test`;
}

function tokenOf(url: string) {
  return url.split("/invite/")[1];
}

async function setup() {
  const account = await createTestAccount({ name: "Acme Test" });
  const admin = await createTestUser(account, ["account_admin"]);
  return { account, admin };
}

describe("inviting a user", () => {
  it("creates a user without a password, with the chosen roles, a hashed 7-day token and an outbox email", async () => {
    const { account, admin } = await setup();
    const invitation = await inviteUser(admin.viewer, { name: " Nia New ", email: " Nia@Example.TEST ", roleIds: [account.roleIds.billing_viewer] }, { ip: "10.0.0.7" }, now);
    const token = tokenOf(invitation.inviteUrl);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation.inviteUrl).toMatch(/^https?:\/\/[^/]+\/invite\//);
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.id, invitation.userId));
    expect(user).toMatchObject({ email: "nia@example.test", name: "Nia New", passwordHash: null, accountId: account.account.id });
    expect((await db.select().from(userRoles).where(eq(userRoles.userId, user.id))).map((r) => r.roleId)).toEqual([account.roleIds.billing_viewer]);
    const [stored] = await db.select().from(userTokens).where(eq(userTokens.userId, user.id));
    expect(stored).toMatchObject({ purpose: "invite", tokenHash: hashToken(token), usedAt: null, expiresAt: new Date(now.getTime() + 7 * DAY) });
    expect(JSON.stringify(stored)).not.toContain(token);
    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.userId, user.id));
    expect(email).toMatchObject({ toEmail: "nia@example.test", status: "pending", idempotencyKey: `invite:${stored.id}` });
    expect(email.subject).toContain("Acme Test");
    expect(email.text).toContain(invitation.inviteUrl);
    expect(email.html).toContain(invitation.inviteUrl);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "user.invited"));
    expect(event).toMatchObject({ actorUserId: admin.user.id, targetId: user.id, ip: "10.0.0.7", details: { email: "nia@example.test", roles: ["Billing Viewer"] } });
    expect((await listUsers(admin.viewer, now)).find((u) => u.id === user.id)).toMatchObject({ status: "invited", roles: [{ name: "Billing Viewer" }] });
  });

  it("shows field errors and creates nothing for a bad email, no roles or an address already in use", async () => {
    const { account, admin } = await setup();
    const other = await createTestAccount();
    const elsewhere = await createTestUser(other, ["member"]);
    const attempt = (input: Record<string, unknown>) =>
      inviteUser(admin.viewer, { name: "X", email: "x@example.test", roleIds: [account.roleIds.member], ...input }, {}, now).then(
        () => null,
        (e: AppError) => (e.details as { fieldErrors: Record<string, string[]> }).fieldErrors,
      );
    expect(await attempt({ email: "not-an-email" })).toEqual({ email: ["Enter an email address like name@example.com."] });
    expect(await attempt({ roleIds: [] })).toEqual({ roleIds: ["Choose at least one role (Member grants no permissions)."] });
    expect(await attempt({ email: admin.user.email })).toEqual({ email: ["This person is already a user of this account."] });
    // Issue 12 item 10: a login in another account is not revealed to the inviter; the invitation
    // is refused when accepted instead (tests/security/invitations.test.ts).
    expect(await attempt({ email: elsewhere.user.email.toUpperCase() })).toBeNull();
    expect(await (await getDb()).select().from(users).where(eq(users.email, "x@example.test"))).toEqual([]);
  });
});

describe("accepting an invitation", () => {
  it("sets the password once; the user can then sign in and the link is spent", async () => {
    const { account, admin } = await setup();
    const email = freshEmail();
    const invitation = await inviteUser(admin.viewer, { name: "Nia", email, roleIds: [account.roleIds.member] }, {}, now);
    const token = tokenOf(invitation.inviteUrl);
    expect(await getInvitation(token, now)).toMatchObject({ state: "open", email, accountName: "Acme Test" });
    await acceptInvitation(token, { password: PASSWORD, confirm: PASSWORD }, { ip: "10.0.0.8" }, new Date(now.getTime() + DAY));
    const db = await getDb();
    expect(await authenticate(db, { email, password: PASSWORD, ip: "10.0.0.8", now })).toEqual({ ok: true, userId: invitation.userId });
    expect(await getInvitation(token, now)).toEqual({ state: "used" });
    await expect(acceptInvitation(token, { password: "another password!", confirm: "another password!" }, {}, now)).rejects.toThrow(/already been used/);
    expect((await getUser(admin.viewer, invitation.userId, now)).status).toBe("active");
    expect((await db.select().from(auditEvents).where(eq(auditEvents.action, "user.invitation_accepted")))[0]).toMatchObject({ actorUserId: invitation.userId, ip: "10.0.0.8" });
  });

  it("refuses an expired link and changes nothing", async () => {
    const { account, admin } = await setup();
    const email = freshEmail();
    const invitation = await inviteUser(admin.viewer, { name: "Nia", email, roleIds: [account.roleIds.member] }, {}, now);
    const later = new Date(now.getTime() + 7 * DAY + 1000);
    expect(await getInvitation(tokenOf(invitation.inviteUrl), later)).toEqual({ state: "expired" });
    await expect(acceptInvitation(tokenOf(invitation.inviteUrl), { password: PASSWORD, confirm: PASSWORD }, {}, later)).rejects.toThrow(/expired/);
    const [user] = await (await getDb()).select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, invitation.userId));
    expect(user.passwordHash).toBeNull();
    expect((await getUser(admin.viewer, invitation.userId, later)).status).toBe("invitation_expired");
  });

  it("validates the password (12+ characters, confirmation matches) before spending the link", async () => {
    const { account, admin } = await setup();
    const email = freshEmail();
    const invitation = await inviteUser(admin.viewer, { name: "Nia", email, roleIds: [account.roleIds.member] }, {}, now);
    const token = tokenOf(invitation.inviteUrl);
    await expect(acceptInvitation(token, { password: "short", confirm: "short" }, {}, now)).rejects.toMatchObject({
      details: { fieldErrors: { password: ["Use at least 12 characters."] } },
    });
    await expect(acceptInvitation(token, { password: PASSWORD, confirm: PASSWORD + "!" }, {}, now)).rejects.toMatchObject({
      details: { fieldErrors: { confirm: ["The passwords don't match."] } },
    });
    expect((await getInvitation(token, now)).state).toBe("open");
  });

  it("treats unknown, malformed and disabled users' links as invalid", async () => {
    const { account, admin } = await setup();
    const email = freshEmail();
    const invitation = await inviteUser(admin.viewer, { name: "Nia", email, roleIds: [account.roleIds.member] }, {}, now);
    expect(await getInvitation("A".repeat(43), now)).toEqual({ state: "invalid" });
    expect(await getInvitation("../../etc", now)).toEqual({ state: "invalid" });
    await disableUser(admin.viewer, invitation.userId, {}, {}, now);
    expect((await getInvitation(tokenOf(invitation.inviteUrl), now)).state).not.toBe("open");
  });

  it("a resent invitation replaces the earlier link", async () => {
    const { account, admin } = await setup();
    const email = freshEmail();
    const first = await inviteUser(admin.viewer, { name: "Nia", email, roleIds: [account.roleIds.member] }, {}, now);
    const second = await resendInvitation(admin.viewer, first.userId, {}, now);
    expect(second.inviteUrl).not.toBe(first.inviteUrl);
    expect((await getInvitation(tokenOf(first.inviteUrl), now)).state).toBe("used");
    expect((await getInvitation(tokenOf(second.inviteUrl), now)).state).toBe("open");
    expect(await (await getDb()).select().from(emailOutbox).where(eq(emailOutbox.userId, first.userId))).toHaveLength(2);
    await acceptInvitation(tokenOf(second.inviteUrl), { password: PASSWORD, confirm: PASSWORD }, {}, now);
    await expect(resendInvitation(admin.viewer, first.userId, {}, now)).rejects.toThrow(/already accepted/);
  });
});

describe("disabling and enabling users", () => {
  it("disables and re-enables a user, auditing both", async () => {
    const { account, admin } = await setup();
    const other = await createTestUser(account, ["billing_viewer"]);
    await disableUser(admin.viewer, other.user.id, {}, {}, now);
    expect((await getUser(admin.viewer, other.user.id, now)).status).toBe("disabled");
    await enableUser(admin.viewer, other.user.id);
    expect((await getUser(admin.viewer, other.user.id, now)).status).toBe("active");
    const actions = (await (await getDb()).select().from(auditEvents).where(eq(auditEvents.targetId, other.user.id))).map((e) => e.action);
    expect(actions).toEqual(["user.disabled", "user.enabled"]);
  });
});

describe("users are scoped to the viewer's account", () => {
  it("treats another account's user and role ids as not found in every function, and changes nothing", async () => {
    const { account, admin } = await setup();
    const b = await createTestAccount();
    const foreign = await createTestUser(b, ["billing_manager"]);
    const adminB = await createTestUser(b, ["account_admin"]);
    const pending = await inviteUser(adminB.viewer, { name: "P", email: "p@example.test", roleIds: [b.roleIds.member] }, {}, now);
    const mine = await createTestUser(account, ["member"]);
    const notFound = { code: "not_found" };
    await expect(getUser(admin.viewer, foreign.user.id, now)).rejects.toMatchObject(notFound);
    await expect(setUserRoles(admin.viewer, foreign.user.id, { roleIds: [account.roleIds.member] })).rejects.toMatchObject(notFound);
    await expect(setUserRoles(admin.viewer, mine.user.id, { roleIds: [b.roleIds.account_admin] })).rejects.toMatchObject(notFound);
    await expect(disableUser(admin.viewer, foreign.user.id, {}, {}, now)).rejects.toMatchObject(notFound);
    await expect(enableUser(admin.viewer, foreign.user.id)).rejects.toMatchObject(notFound);
    await expect(resendInvitation(admin.viewer, pending.userId, {}, now)).rejects.toMatchObject(notFound);
    await expect(inviteUser(admin.viewer, { name: "Z", email: "z@example.test", roleIds: [b.roleIds.account_admin] }, {}, now)).rejects.toMatchObject(notFound);
    expect((await listUsers(admin.viewer, now)).map((u) => u.id).sort()).toEqual([admin.user.id, mine.user.id].sort());
    const [untouched] = await (await getDb()).select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, foreign.user.id));
    expect(untouched.disabledAt).toBeNull();
    expect(await (await getDb()).select().from(users).where(eq(users.email, "z@example.test"))).toEqual([]);
  });

  it("refuses every user function to a user without users.manage", async () => {
    const { account } = await setup();
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const target = await createTestUser(account, ["member"]);
    const forbidden = { code: "forbidden" };
    await expect(listUsers(viewer, now)).rejects.toMatchObject(forbidden);
    await expect(getUser(viewer, target.user.id, now)).rejects.toMatchObject(forbidden);
    await expect(inviteUser(viewer, { name: "Z", email: "z@example.test", roleIds: [account.roleIds.account_admin] }, {}, now)).rejects.toMatchObject(forbidden);
    await expect(setUserRoles(viewer, viewer.userId, { roleIds: [account.roleIds.account_admin] })).rejects.toMatchObject(forbidden);
    await expect(disableUser(viewer, target.user.id, {}, {}, now)).rejects.toMatchObject(forbidden);
    await expect(enableUser(viewer, target.user.id)).rejects.toMatchObject(forbidden);
    await expect(resendInvitation(viewer, target.user.id, {}, now)).rejects.toMatchObject(forbidden);
  });
});
