import { expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countActiveAdministrators, LAST_ADMIN_MESSAGE } from "@/lib/access/admin-guard";
import { deleteRole } from "@/lib/access/delete-role";
import { setRolePermissions } from "@/lib/access/update-role";
import { disableUser } from "@/lib/users/disable-user";
import { setUserRoles } from "@/lib/users/set-user-roles";
import { createTestAccount, createTestRole, createTestUser, createTestUserWithRoles, type TestAccount } from "../support/factories";
import { runThroughBarrier } from "../support/lock-barrier";
import { describeOnPostgres } from "../support/postgres-only";

// Two administrators remove each other's administration at the same moment, on every path that
// can (R-P3). The audit insert each change makes after its administrator count is held back until
// both have started, so without lockAccount both counts see the other administrator still active
// and the account is left with none: these fail in every run if a path stops taking the lock.

const now = new Date("2026-11-25T12:00:00Z");

async function expectOneAdministratorLeft(account: TestAccount, results: PromiseSettledResult<void>[]) {
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  expect(String(rejected?.reason)).toContain(LAST_ADMIN_MESSAGE);
  expect(await countActiveAdministrators(await getDb(), account.account.id)).toBe(1);
}

// Two administrators, each holding a custom role of their own that grants Manage Users.
async function adminsWithOwnRoles() {
  const account = await createTestAccount();
  const roleA = await createTestRole(account, "Admins A", ["users.manage", "invoices.view"]);
  const roleB = await createTestRole(account, "Admins B", ["users.manage", "invoices.view"]);
  const a = await createTestUserWithRoles(account, [roleA.id]);
  const b = await createTestUserWithRoles(account, [roleB.id]);
  return { account, a, b, roleA, roleB };
}

describeOnPostgres("two administrators removing each other at the same moment leave exactly one", () => {
  it("disabling each other: one succeeds, the other is refused as the last administrator", async () => {
    const account = await createTestAccount();
    const a = await createTestUser(account, ["account_admin"]);
    const b = await createTestUser(account, ["account_admin"]);
    const results = await runThroughBarrier("audit_events", [() => disableUser(a.viewer, b.user.id, {}, {}, now), () => disableUser(b.viewer, a.user.id, {}, {}, now)]);
    await expectOneAdministratorLeft(account, results);
  });

  it("demoting each other to Member: one succeeds, the other is refused", async () => {
    const account = await createTestAccount();
    const a = await createTestUser(account, ["account_admin"]);
    const b = await createTestUser(account, ["account_admin"]);
    const results = await runThroughBarrier("audit_events", [
      () => setUserRoles(a.viewer, b.user.id, { roleIds: [account.roleIds.member] }),
      () => setUserRoles(b.viewer, a.user.id, { roleIds: [account.roleIds.member] }),
    ]);
    await expectOneAdministratorLeft(account, results);
  });

  it("stripping Manage Users from each other's custom role: one succeeds, the other is refused", async () => {
    const { account, a, b, roleA, roleB } = await adminsWithOwnRoles();
    const results = await runThroughBarrier("audit_events", [
      () => setRolePermissions(a.viewer, roleB.id, { permissions: ["invoices.view"] }),
      () => setRolePermissions(b.viewer, roleA.id, { permissions: ["invoices.view"] }),
    ]);
    await expectOneAdministratorLeft(account, results);
  });

  it("deleting each other's role (moving its holder to Member): one succeeds, the other is refused", async () => {
    const { account, a, b, roleA, roleB } = await adminsWithOwnRoles();
    const results = await runThroughBarrier("audit_events", [
      () => deleteRole(a.viewer, roleB.id, { reassignToRoleId: account.roleIds.member }),
      () => deleteRole(b.viewer, roleA.id, { reassignToRoleId: account.roleIds.member }),
    ]);
    await expectOneAdministratorLeft(account, results);
  });
});
