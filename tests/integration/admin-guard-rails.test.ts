import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, rolePermissions, roles, userRoles, users } from "@/db/schema";
import { LAST_ADMIN_MESSAGE, SELF_LOCKOUT_MESSAGE } from "@/lib/access/admin-guard";
import { deleteRole } from "@/lib/access/delete-role";
import { loadIdentity } from "@/lib/access/load-viewer";
import { setRolePermissions } from "@/lib/access/update-role";
import { disableUser } from "@/lib/users/disable-user";
import { inviteUser } from "@/lib/users/invite-user";
import { setUserRoles } from "@/lib/users/set-user-roles";
import { createTestAccount, createTestRole, createTestUser, createTestUserWithRoles, type TestAccount } from "../support/factories";
import { runThroughBarrier } from "../support/lock-barrier";
import { describeOnPostgres } from "../support/postgres-only";

const now = new Date("2026-11-25T12:00:00Z");

async function roleIdsOf(userId: string) {
  const rows = await (await getDb()).select({ roleId: userRoles.roleId }).from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map((r) => r.roleId).sort();
}

async function auditCount(account: TestAccount) {
  return (await (await getDb()).select().from(auditEvents).where(eq(auditEvents.accountId, account.account.id))).length;
}

describe("an account never loses its last active administrator (R-P3)", () => {
  it("refuses to demote the only administrator, even with confirmation, and changes nothing", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    const before = await auditCount(account);
    await expect(setUserRoles(admin.viewer, admin.user.id, { roleIds: [account.roleIds.member] }, { confirmSelfLockout: true })).rejects.toThrow(LAST_ADMIN_MESSAGE);
    expect(await roleIdsOf(admin.user.id)).toEqual([account.roleIds.account_admin]);
    expect(await auditCount(account)).toBe(before);
  });

  it("refuses to disable the only administrator", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    await expect(disableUser(admin.viewer, admin.user.id, { confirmSelfLockout: true }, {}, now)).rejects.toThrow(LAST_ADMIN_MESSAGE);
    const [row] = await (await getDb()).select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, admin.user.id));
    expect(row.disabledAt).toBeNull();
  });

  it("refuses to take users.manage away from the only administrators' custom role", async () => {
    const account = await createTestAccount();
    const opsAdmin = await createTestRole(account, "Ops Admin", ["users.manage", "invoices.view"]);
    const admin = await createTestUserWithRoles(account, [opsAdmin.id]);
    await expect(setRolePermissions(admin.viewer, opsAdmin.id, { permissions: ["invoices.view"] }, { confirmSelfLockout: true })).rejects.toThrow(LAST_ADMIN_MESSAGE);
    const kept = await (await getDb()).select().from(rolePermissions).where(eq(rolePermissions.roleId, opsAdmin.id));
    expect(kept.map((p) => p.permission).sort()).toEqual(["invoices.view", "users.manage"]);
  });

  it("refuses to delete the role the only administrator holds, even when moving them to another role", async () => {
    const account = await createTestAccount();
    const opsAdmin = await createTestRole(account, "Ops Admin", ["users.manage"]);
    const admin = await createTestUserWithRoles(account, [opsAdmin.id]);
    await expect(deleteRole(admin.viewer, opsAdmin.id, { reassignToRoleId: account.roleIds.member, confirmSelfLockout: true })).rejects.toThrow(LAST_ADMIN_MESSAGE);
    expect(await (await getDb()).select().from(roles).where(eq(roles.id, opsAdmin.id))).toHaveLength(1);
    expect(await roleIdsOf(admin.user.id)).toEqual([opsAdmin.id]);
  });

  it("does not count a disabled administrator or a pending invitation as an active administrator", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    const other = await createTestUser(account, ["account_admin"]);
    await (await getDb()).update(users).set({ disabledAt: now }).where(eq(users.id, other.user.id));
    await inviteUser(admin.viewer, { name: "New Admin", email: "new-admin@example.test", roleIds: [account.roleIds.account_admin] }, {}, now);
    await expect(setUserRoles(admin.viewer, admin.user.id, { roleIds: [account.roleIds.member] }, { confirmSelfLockout: true })).rejects.toThrow(LAST_ADMIN_MESSAGE);
  });

  it("allows demoting an administrator while another active one remains", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    const other = await createTestUser(account, ["account_admin"]);
    await setUserRoles(admin.viewer, other.user.id, { roleIds: [account.roleIds.billing_viewer] });
    expect(await roleIdsOf(other.user.id)).toEqual([account.roleIds.billing_viewer]);
  });
});

describe("an administrator cannot lock themself out by accident", () => {
  it("asks for confirmation before removing their own admin access, then allows it", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    await createTestUser(account, ["account_admin"]);
    await expect(setUserRoles(admin.viewer, admin.user.id, { roleIds: [account.roleIds.billing_manager] })).rejects.toThrow(SELF_LOCKOUT_MESSAGE);
    expect(await roleIdsOf(admin.user.id)).toEqual([account.roleIds.account_admin]);
    await setUserRoles(admin.viewer, admin.user.id, { roleIds: [account.roleIds.billing_manager] }, { confirmSelfLockout: true });
    expect(await roleIdsOf(admin.user.id)).toEqual([account.roleIds.billing_manager]);
  });

  it("asks for confirmation before disabling themself, editing or deleting their own admin role", async () => {
    const account = await createTestAccount();
    const opsAdmin = await createTestRole(account, "Ops Admin", ["users.manage"]);
    const admin = await createTestUserWithRoles(account, [opsAdmin.id]);
    await createTestUser(account, ["account_admin"]);
    await expect(disableUser(admin.viewer, admin.user.id, {}, {}, now)).rejects.toThrow(SELF_LOCKOUT_MESSAGE);
    await expect(setRolePermissions(admin.viewer, opsAdmin.id, { permissions: [] })).rejects.toThrow(SELF_LOCKOUT_MESSAGE);
    await expect(deleteRole(admin.viewer, opsAdmin.id, { reassignToRoleId: account.roleIds.member })).rejects.toThrow(SELF_LOCKOUT_MESSAGE);
    expect(await roleIdsOf(admin.user.id)).toEqual([opsAdmin.id]);
    await deleteRole(admin.viewer, opsAdmin.id, { reassignToRoleId: account.roleIds.member, confirmSelfLockout: true });
    expect(await roleIdsOf(admin.user.id)).toEqual([account.roleIds.member]);
  });
});

// The audit insert after each change's administrator count is held back until both have started
// (tests/support/lock-barrier.ts), so a missing account lock fails these in every run, not 1 in 4.
describeOnPostgres("concurrent demotions", () => {
  it("let exactly one of two administrators demote the other", async () => {
    const account = await createTestAccount();
    const a = await createTestUser(account, ["account_admin"]);
    const b = await createTestUser(account, ["account_admin"]);
    for (let round = 0; round < 3; round++) {
      const results = await runThroughBarrier("audit_events", [
        () => setUserRoles(a.viewer, b.user.id, { roleIds: [account.roleIds.member] }),
        () => setUserRoles(b.viewer, a.user.id, { roleIds: [account.roleIds.member] }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(String(rejected.reason)).toContain(LAST_ADMIN_MESSAGE);
      const admins = [];
      for (const u of [a, b]) if ((await roleIdsOf(u.user.id)).includes(account.roleIds.account_admin)) admins.push(u);
      expect(admins).toHaveLength(1);
      // Restore both for the next round.
      const db = await getDb();
      await db.delete(userRoles).where(and(eq(userRoles.accountId, account.account.id)));
      await db.insert(userRoles).values([a, b].map((u) => ({ accountId: account.account.id, userId: u.user.id, roleId: account.roleIds.account_admin })));
    }
  });

  it("let only one of two administrators demote themselves at the same time", async () => {
    const account = await createTestAccount();
    const a = await createTestUser(account, ["account_admin"]);
    const b = await createTestUser(account, ["account_admin"]);
    const results = await runThroughBarrier("audit_events", [
      () => setUserRoles(a.viewer, a.user.id, { roleIds: [account.roleIds.member] }, { confirmSelfLockout: true }),
      () => setUserRoles(b.viewer, b.user.id, { roleIds: [account.roleIds.member] }, { confirmSelfLockout: true }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const identities = await Promise.all([a, b].map(async (u) => loadIdentity(await getDb(), u.user.id)));
    expect(identities.filter((i) => i?.kind === "customer" && i.permissions.has("users.manage"))).toHaveLength(1);
  });
});

describe("permission changes apply on the next request", () => {
  it("a demoted billing manager's next identity load lacks payment permissions", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    const billing = await createTestUser(account, ["billing_manager"]);
    expect(billing.viewer.permissions.has("payments.update")).toBe(true);
    await setUserRoles(admin.viewer, billing.user.id, { roleIds: [account.roleIds.billing_viewer] });
    const next = await loadIdentity(await getDb(), billing.user.id);
    expect(next?.kind === "customer" && [...next.permissions].sort()).toEqual(["invoices.view", "support.use"]);
  });

  it("a disabled user's next identity load is empty (signed out)", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    const other = await createTestUser(account, ["billing_viewer"]);
    await disableUser(admin.viewer, other.user.id, {}, {}, now);
    expect(await loadIdentity(await getDb(), other.user.id)).toBeNull();
  });
});
