import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rolePermissions, roles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Viewer } from "./load-viewer";
import { PERMISSIONS, type Permission } from "./permissions";

export type RoleRow = { id: string; name: string; isBuiltIn: boolean };

// A role of the viewer's account, inside a transaction; another account's id is not found.
export async function findRole(tx: Db, viewer: Viewer, roleId: string): Promise<RoleRow> {
  const [role] = await tx
    .select({ id: roles.id, name: roles.name, isBuiltIn: roles.isBuiltIn })
    .from(roles)
    .where(and(eq(roles.id, roleId), eq(roles.accountId, viewer.accountId)));
  if (!role) throw new AppError("not_found", "Not found");
  return role;
}

// Built-in roles are read-only (R-P2): every account relies on them meaning the same thing.
export function assertEditable(role: RoleRow): void {
  if (role.isBuiltIn) throw new AppError("conflict", `${role.name} is a built-in role and can't be changed. Create a custom role instead.`);
}

// Role names are unique per account, ignoring case.
export async function assertNameFree(tx: Db, accountId: string, name: string, exceptRoleId?: string): Promise<void> {
  const [clash] = await tx
    .select({ name: roles.name })
    .from(roles)
    .where(and(eq(roles.accountId, accountId), sql`lower(${roles.name}) = lower(${name})`, exceptRoleId ? ne(roles.id, exceptRoleId) : undefined))
    .limit(1);
  if (clash) throw new AppError("invalid", "Check the highlighted fields.", { fieldErrors: { name: [`A role named “${clash.name}” already exists.`] } });
}

export async function rolePermissionList(tx: Db, accountId: string, roleId: string): Promise<Permission[]> {
  const rows = await tx
    .select({ permission: rolePermissions.permission })
    .from(rolePermissions)
    .where(and(eq(rolePermissions.roleId, roleId), eq(rolePermissions.accountId, accountId)));
  return PERMISSIONS.filter((p) => rows.some((r) => r.permission === p));
}
