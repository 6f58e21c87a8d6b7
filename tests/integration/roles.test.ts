import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, rolePermissions, roles, userRoles } from "@/db/schema";
import { createRole } from "@/lib/access/create-role";
import { deleteRole } from "@/lib/access/delete-role";
import { getRole, listRoles } from "@/lib/access/list-roles";
import { renameRole, setRolePermissions } from "@/lib/access/update-role";
import { AppError } from "@/lib/errors";
import { createTestAccount, createTestRole, createTestUser, createTestUserWithRoles } from "../support/factories";

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return ((error as AppError).details as { fieldErrors: Record<string, string[]> }).fieldErrors;
}

describe("roles (R-P2)", () => {
  it("lists the four built-in roles first with their permissions, then custom roles with user counts", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["account_admin"]);
    await createTestRole(account, "Auditor", ["invoices.view"]);
    const list = await listRoles(viewer);
    expect(list.map((r) => [r.name, r.isBuiltIn, r.userCount])).toEqual([
      ["Account Administrator", true, 1],
      ["Billing Manager", true, 0],
      ["Billing Viewer", true, 0],
      ["Member", true, 0],
      ["Auditor", false, 0],
    ]);
    expect(list[1].permissions).toEqual(["invoices.view", "payments.read", "payments.update", "support.use"]);
  });

  it("creates a custom role, storing payments.read along with payments.update, and audits it", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["account_admin"]);
    const { id } = await createRole(viewer, { name: "  Card Keeper  ", permissions: ["payments.update"] }, { ip: "10.0.0.9" });
    const role = await getRole(viewer, id);
    expect(role).toMatchObject({ name: "Card Keeper", isBuiltIn: false, permissions: ["payments.read", "payments.update"] });
    const [event] = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.action, "role.created"));
    expect(event).toMatchObject({ accountId: account.account.id, actorUserId: viewer.userId, targetId: id, ip: "10.0.0.9" });
  });

  it("validates role names: trimmed, 1 to 60 characters, unique per account ignoring case", async () => {
    const account = await createTestAccount();
    const other = await createTestAccount();
    const { viewer } = await createTestUser(account, ["account_admin"]);
    const otherAdmin = await createTestUser(other, ["account_admin"]);
    expect(await fieldErrors(createRole(viewer, { name: "   ", permissions: [] }))).toEqual({ name: ["Enter a role name."] });
    expect(await fieldErrors(createRole(viewer, { name: "x".repeat(61), permissions: [] }))).toEqual({ name: ["Use at most 60 characters."] });
    expect(await fieldErrors(createRole(viewer, { name: "billing viewer", permissions: [] }))).toEqual({ name: ["A role named “Billing Viewer” already exists."] });
    expect(await fieldErrors(createRole(viewer, { name: "Ok", permissions: ["root.all"] }))).toHaveProperty("permissions.0");
    await createRole(viewer, { name: "Auditor", permissions: [] });
    await expect(createRole(otherAdmin.viewer, { name: "AUDITOR", permissions: [] })).resolves.toBeTruthy();
    const { id } = await createRole(viewer, { name: "Finance", permissions: [] });
    expect(await fieldErrors(renameRole(viewer, id, { name: "AUDITOR" }))).toEqual({ name: ["A role named “Auditor” already exists."] });
    await renameRole(viewer, id, { name: "finance" });
    expect((await getRole(viewer, id)).name).toBe("finance");
  });

  it("keeps built-in roles read-only", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["account_admin"]);
    const member = account.roleIds.member;
    await expect(renameRole(viewer, member, { name: "Guest" })).rejects.toThrow(/built-in role/);
    await expect(setRolePermissions(viewer, member, { permissions: ["invoices.view"] })).rejects.toThrow(/built-in role/);
    await expect(deleteRole(viewer, member)).rejects.toThrow(/built-in role/);
    expect(await getRole(viewer, member)).toMatchObject({ name: "Member", permissions: [] });
  });

  it("replaces a custom role's permissions and records before and after", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["account_admin"]);
    const role = await createTestRole(account, "Ops", ["invoices.view"]);
    await setRolePermissions(viewer, role.id, { permissions: ["support.use", "payments.update"] });
    expect((await getRole(viewer, role.id)).permissions).toEqual(["payments.read", "payments.update", "support.use"]);
    const [event] = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.action, "role.permissions_changed"));
    expect(event.details).toEqual({ role: "Ops", before: ["invoices.view"], after: ["payments.read", "payments.update", "support.use"] });
  });

  it("refuses to delete a role still assigned unless its users are moved to another role", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["account_admin"]);
    const role = await createTestRole(account, "Ops", ["invoices.view"]);
    const holder = await createTestUserWithRoles(account, [role.id]);
    expect(await fieldErrors(deleteRole(viewer, role.id))).toEqual({ reassignToRoleId: ["Choose a role for the users who hold this one."] });
    expect(await getRole(viewer, role.id)).toMatchObject({ userCount: 1 });
    await deleteRole(viewer, role.id, { reassignToRoleId: account.roleIds.billing_viewer });
    const held = await (await getDb()).select().from(userRoles).where(eq(userRoles.userId, holder.user.id));
    expect(held.map((r) => r.roleId)).toEqual([account.roleIds.billing_viewer]);
    expect(await (await getDb()).select().from(roles).where(eq(roles.id, role.id))).toEqual([]);
  });

  it("deletes an unassigned custom role with its permissions", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["account_admin"]);
    const role = await createTestRole(account, "Temp", ["invoices.view"]);
    await deleteRole(viewer, role.id);
    expect(await (await getDb()).select().from(rolePermissions).where(eq(rolePermissions.roleId, role.id))).toEqual([]);
  });
});

describe("roles are scoped to the viewer's account", () => {
  it("treats another account's role ids as not found in every function, and changes nothing there", async () => {
    const a = await createTestAccount();
    const b = await createTestAccount();
    const { viewer } = await createTestUser(a, ["account_admin"]);
    const foreign = await createTestRole(b, "Foreign", ["invoices.view"]);
    const mine = await createTestRole(a, "Mine", []);
    const holder = await createTestUserWithRoles(a, [mine.id]);
    const notFound = { code: "not_found" };
    await expect(getRole(viewer, foreign.id)).rejects.toMatchObject(notFound);
    await expect(renameRole(viewer, foreign.id, { name: "Taken" })).rejects.toMatchObject(notFound);
    await expect(setRolePermissions(viewer, foreign.id, { permissions: [] })).rejects.toMatchObject(notFound);
    await expect(deleteRole(viewer, foreign.id)).rejects.toMatchObject(notFound);
    await expect(deleteRole(viewer, mine.id, { reassignToRoleId: foreign.id })).rejects.toMatchObject(notFound);
    await expect(getRole(viewer, "not-a-uuid")).rejects.toMatchObject(notFound);
    expect((await listRoles(viewer)).map((r) => r.name)).not.toContain("Foreign");
    const [still] = await (await getDb()).select().from(roles).where(eq(roles.id, foreign.id));
    expect(still.name).toBe("Foreign");
    expect(
      await (
        await getDb()
      )
        .select()
        .from(userRoles)
        .where(and(eq(userRoles.userId, holder.user.id), eq(userRoles.roleId, mine.id))),
    ).toHaveLength(1);
  });

  it("refuses every role function to a user without users.manage", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const role = await createTestRole(account, "Ops", []);
    const forbidden = { code: "forbidden" };
    await expect(listRoles(viewer)).rejects.toMatchObject(forbidden);
    await expect(getRole(viewer, role.id)).rejects.toMatchObject(forbidden);
    await expect(createRole(viewer, { name: "X", permissions: [] })).rejects.toMatchObject(forbidden);
    await expect(renameRole(viewer, role.id, { name: "Y" })).rejects.toMatchObject(forbidden);
    await expect(setRolePermissions(viewer, role.id, { permissions: ["users.manage"] })).rejects.toMatchObject(forbidden);
    await expect(deleteRole(viewer, role.id)).rejects.toMatchObject(forbidden);
  });
});
