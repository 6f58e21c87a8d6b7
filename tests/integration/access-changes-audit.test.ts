import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, userRoles, users } from "@/db/schema";
import { createRole } from "@/lib/access/create-role";
import { deleteRole } from "@/lib/access/delete-role";
import { CONFIRMATION_REQUIRED } from "@/lib/forms/form-state";
import { renameRole, setRolePermissions } from "@/lib/access/update-role";
import { disableUser, enableUser } from "@/lib/users/disable-user";
import { setUserRoles } from "@/lib/users/set-user-roles";
import { createTestAccount, createTestRole, createTestUser, createTestUserWithRoles, type TestAccount } from "../support/factories";

// Role and user changes record exactly what changed (R-P6), and a change that changes nothing
// records nothing: the audit log is read by people, one event per real change.

const now = new Date("2026-11-25T12:00:00Z");

async function events(account: TestAccount, action: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, account.account.id), eq(auditEvents.action, action)));
}

describe("a change that changes nothing records nothing", () => {
  it("renaming a role to its own name, or giving it the permissions it has, in any order", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account);
    const role = await createTestRole(account, "Ops", ["support.use", "invoices.view"]);
    await renameRole(viewer, role.id, { name: "Ops" });
    await setRolePermissions(viewer, role.id, { permissions: ["invoices.view", "support.use"] });
    expect(await events(account, "role.renamed")).toEqual([]);
    expect(await events(account, "role.permissions_changed")).toEqual([]);
    await renameRole(viewer, role.id, { name: "Operations" });
    expect((await events(account, "role.renamed")).map((e) => [e.targetType, e.targetId, e.details])).toEqual([["role", role.id, { from: "Ops", to: "Operations" }]]);
    await setRolePermissions(viewer, role.id, { permissions: ["invoices.view"] });
    expect((await events(account, "role.permissions_changed")).map((e) => [e.targetType, e.targetId])).toEqual([["role", role.id]]);
  });

  it("giving a user the roles they hold", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account);
    const other = await createTestUser(account, ["billing_viewer", "member"]);
    await setUserRoles(viewer, other.user.id, { roleIds: [account.roleIds.member, account.roleIds.billing_viewer] });
    expect(await events(account, "user.roles_changed")).toEqual([]);
    await setUserRoles(viewer, other.user.id, { roleIds: [account.roleIds.member] });
    expect((await events(account, "user.roles_changed")).map((e) => [e.targetType, e.targetId, e.details])).toEqual([
      ["user", other.user.id, { email: other.user.email, before: ["Billing Viewer", "Member"], after: ["Member"] }],
    ]);
  });

  it("disabling a disabled user keeps the first time, and enabling an enabled one does nothing", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account);
    const other = await createTestUser(account, ["member"]);
    await enableUser(viewer, other.user.id);
    expect(await events(account, "user.enabled")).toEqual([]);
    await disableUser(viewer, other.user.id, {}, {}, now);
    await disableUser(viewer, other.user.id, {}, {}, new Date(now.getTime() + 60_000));
    const [row] = await (await getDb()).select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, other.user.id));
    expect(row.disabledAt).toEqual(now);
    const who = ["user", other.user.id, { email: other.user.email }];
    expect((await events(account, "user.disabled")).map((e) => [e.targetType, e.targetId, e.details])).toEqual([who]);
    await enableUser(viewer, other.user.id);
    expect((await events(account, "user.enabled")).map((e) => [e.targetType, e.targetId, e.details])).toEqual([who]);
  });
});

describe("deleting a role that users hold", () => {
  it("names how many users hold it, and refuses to move them to the role being deleted", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account);
    const role = await createTestRole(account, "Ops", ["invoices.view"]);
    await createTestUserWithRoles(account, [role.id]);
    await expect(deleteRole(viewer, role.id)).rejects.toMatchObject({ code: "invalid", message: "Ops is assigned to 1 user. Choose a role to move them to before deleting it." });
    await createTestUserWithRoles(account, [role.id]);
    await expect(deleteRole(viewer, role.id)).rejects.toThrow("Ops is assigned to 2 users.");
    await expect(deleteRole(viewer, role.id, { reassignToRoleId: role.id })).rejects.toMatchObject({
      code: "invalid",
      details: { fieldErrors: { reassignToRoleId: ["Choose a different role."] } },
    });
  });

  it("moves a holder who already has the target role without a duplicate, and audits the move", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account);
    const role = await createTestRole(account, "Ops", ["invoices.view"]);
    const holder = await createTestUserWithRoles(account, [role.id, account.roleIds.member]);
    await deleteRole(viewer, role.id, { reassignToRoleId: account.roleIds.member });
    const held = await (await getDb()).select().from(userRoles).where(eq(userRoles.userId, holder.user.id));
    expect(held.map((r) => r.roleId)).toEqual([account.roleIds.member]);
    expect((await events(account, "role.deleted")).map((e) => [e.targetType, e.targetId, e.details])).toEqual([
      ["role", role.id, { name: "Ops", usersReassigned: 1, reassignedTo: "Member" }],
    ]);
  });
});

describe("a refused administration change says why, for the form to act on", () => {
  it("the last administrator is a conflict with reason last_administrator; losing one's own access asks for confirmation", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account);
    await expect(disableUser(admin.viewer, admin.user.id, { confirmSelfLockout: true }, {}, now)).rejects.toMatchObject({
      code: "conflict",
      details: { reason: "last_administrator" },
    });
    await createTestUser(account);
    await expect(disableUser(admin.viewer, admin.user.id, {}, {}, now)).rejects.toMatchObject({ code: "conflict", details: { reason: CONFIRMATION_REQUIRED } });
  });
});

describe("a new role is recorded", () => {
  it("as role.created on the role, with its name and permissions", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account);
    const role = await createRole(viewer, { name: "Auditors", permissions: ["invoices.view", "payments.read"] });
    expect((await events(account, "role.created")).map((e) => [e.targetType, e.targetId, e.details])).toEqual([
      ["role", role.id, { name: "Auditors", permissions: ["invoices.view", "payments.read"] }],
    ]);
  });
});

describe("the roles a user holds, given in another order", () => {
  it("are no change: nothing is rewritten or recorded", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account);
    // Created in the reverse of their names' order, so the order they are stored in is not the names' order.
    const created = [];
    for (const name of ["Zeta", "Epsilon", "Delta", "Gamma", "Beta", "Alpha"]) created.push(await createTestRole(account, name, []));
    const holder = await createTestUserWithRoles(
      account,
      created.map((r) => r.id),
    );
    await setUserRoles(viewer, holder.user.id, { roleIds: [created[3], created[0], created[5], created[1], created[4], created[2]].map((r) => r.id) });
    expect(await events(account, "user.roles_changed")).toEqual([]);
  });
});
