import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { inviteUser } from "@/lib/users/invite-user";
import { createTestAccount, createTestOperator, createTestUser, TEST_PASSWORD } from "../support/factories";

// Item 10 of issue 12: an invitation answers the same whether or not the address has a login
// elsewhere; the clash is settled when the invitation is accepted.

const PASSWORD = "correct horse battery";
const now = new Date();
const tokenOf = (url: string) => url.split("/invite/")[1];

async function setup() {
  const account = await createTestAccount();
  const admin = await createTestUser(account, ["account_admin"]);
  const invite = (email: string) => inviteUser(admin.viewer, { name: "Someone", email, roleIds: [account.roleIds.member] }, {}, now);
  return { account, admin, invite };
}

describe("invitations and existing logins", () => {
  it("answer an address with a login elsewhere, an operator's address and a new one the same way", async () => {
    const { invite } = await setup();
    const elsewhere = await createTestUser(await createTestAccount(), ["member"]);
    const operator = await createTestOperator();
    const results = [await invite(elsewhere.user.email), await invite(operator.email), await invite(`new-${randomUUID().slice(0, 6)}@example.test`)];
    for (const result of results) expect(Object.keys(result).sort()).toEqual(["email", "expiresAt", "inviteUrl", "userId"]);
  });

  it("refuse the acceptance when the address has a login, change nothing, and leave the real login working", async () => {
    const { invite, account } = await setup();
    const elsewhere = await createTestUser(await createTestAccount(), ["member"]);
    const invitation = await invite(elsewhere.user.email);
    await expect(acceptInvitation(tokenOf(invitation.inviteUrl), { password: PASSWORD, confirm: PASSWORD }, {}, now)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already has a portal login"),
    });
    const [pending] = await (
      await getDb()
    )
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(and(eq(users.accountId, account.account.id), eq(users.email, elsewhere.user.email)));
    expect(pending).toEqual({ passwordHash: null });
    expect(await authenticate(await getDb(), { email: elsewhere.user.email, password: TEST_PASSWORD, ip: "203.0.113.20", now: new Date() })).toEqual({
      ok: true,
      userId: elsewhere.user.id,
    });
  });

  it("let the first of two pending invitations for one address be accepted, and refuse the second", async () => {
    const email = `twice-${randomUUID().slice(0, 6)}@example.test`;
    const first = await (await setup()).invite(email);
    const second = await (await setup()).invite(email);
    await acceptInvitation(tokenOf(first.inviteUrl), { password: PASSWORD, confirm: PASSWORD }, {}, now);
    await expect(acceptInvitation(tokenOf(second.inviteUrl), { password: PASSWORD, confirm: PASSWORD }, {}, now)).rejects.toMatchObject({ code: "conflict" });
    const logins = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, email));
    expect(logins).toHaveLength(2);
    expect(
      await (
        await getDb()
      )
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, email), isNull(users.passwordHash))),
    ).toHaveLength(1);
    expect(await authenticate(await getDb(), { email, password: PASSWORD, ip: "203.0.113.21", now: new Date() })).toEqual({ ok: true, userId: first.userId });
  });
});
