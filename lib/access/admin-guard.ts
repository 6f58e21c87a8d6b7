import "server-only";
import { and, countDistinct, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, rolePermissions, userRoles, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { CONFIRMATION_REQUIRED } from "@/lib/forms/form-state";
import type { Viewer } from "./load-viewer";

// Serialises changes to who administers an account: every user/role change takes this row lock
// first, so two concurrent demotions cannot both see "another administrator remains" (R-P3).
export async function lockAccount(tx: Db, accountId: string): Promise<void> {
  const [row] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for("update");
  if (!row) throw new AppError("not_found", "Not found");
}

// Active administrators: users who hold users.manage through any role, are not disabled and
// have set a password (a pending invitation cannot administer anything yet).
export async function countActiveAdministrators(tx: Db, accountId: string): Promise<number> {
  const [row] = await tx
    .select({ n: countDistinct(users.id) })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.accountId, users.accountId)))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, userRoles.roleId), eq(rolePermissions.accountId, userRoles.accountId)))
    .where(and(eq(users.accountId, accountId), eq(rolePermissions.permission, "users.manage"), isNull(users.disabledAt), isNotNull(users.passwordHash)));
  return row?.n ?? 0;
}

async function stillAdministers(tx: Db, viewer: Viewer): Promise<boolean> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.accountId, users.accountId)))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, userRoles.roleId), eq(rolePermissions.accountId, userRoles.accountId)))
    .where(and(eq(users.id, viewer.userId), eq(users.accountId, viewer.accountId), eq(rolePermissions.permission, "users.manage"), isNull(users.disabledAt)))
    .limit(1);
  return Boolean(row);
}

export const LAST_ADMIN_MESSAGE = "This would leave the account without an active administrator. Give another active user a role with Manage Users and Roles first.";

export const SELF_LOCKOUT_MESSAGE =
  "This removes your own access to Manage Users and Roles: you will no longer be able to manage users, roles or the audit log. Confirm to continue.";

// Run inside the change's transaction, after the change and after lockAccount: throwing rolls the
// whole change back, so a refused change leaves nothing behind.
// Note: an administrator may remove their own access only with `confirmSelfLockout`.
export async function assertAdministrationKept(tx: Db, viewer: Viewer, options: { confirmSelfLockout?: boolean }): Promise<void> {
  if ((await countActiveAdministrators(tx, viewer.accountId)) === 0) throw new AppError("conflict", LAST_ADMIN_MESSAGE, { reason: "last_administrator" });
  if (!options.confirmSelfLockout && !(await stillAdministers(tx, viewer))) {
    throw new AppError("conflict", SELF_LOCKOUT_MESSAGE, { reason: CONFIRMATION_REQUIRED });
  }
}
