import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rolePermissions, roles, userRoles, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validation";
import { requirePermission } from "./guards";
import type { Viewer } from "./load-viewer";
import { PERMISSIONS, type Permission } from "./permissions";

export type RoleSummary = { id: string; name: string; isBuiltIn: boolean; builtInKey: string | null; permissions: Permission[]; userCount: number };

function ordered(granted: string[]): Permission[] {
  return PERMISSIONS.filter((p) => granted.includes(p));
}

// The account's roles, built-in first, each with its permissions and how many users hold it.
export async function listRoles(viewer: Viewer): Promise<RoleSummary[]> {
  requirePermission(viewer, "users.manage");
  const db = await getDb();
  const [roleRows, grantRows, countRows] = await Promise.all([
    db
      .select({ id: roles.id, name: roles.name, isBuiltIn: roles.isBuiltIn, builtInKey: roles.builtInKey })
      .from(roles)
      .where(eq(roles.accountId, viewer.accountId))
      .orderBy(asc(roles.createdAt), asc(roles.name)),
    db.select({ roleId: rolePermissions.roleId, permission: rolePermissions.permission }).from(rolePermissions).where(eq(rolePermissions.accountId, viewer.accountId)),
    db.select({ roleId: userRoles.roleId, n: count() }).from(userRoles).where(eq(userRoles.accountId, viewer.accountId)).groupBy(userRoles.roleId),
  ]);
  return roleRows
    .map((role) => ({
      ...role,
      permissions: ordered(grantRows.filter((g) => g.roleId === role.id).map((g) => g.permission)),
      userCount: countRows.find((c) => c.roleId === role.id)?.n ?? 0,
    }))
    .sort((a, b) => Number(b.isBuiltIn) - Number(a.isBuiltIn));
}

export type RoleDetail = RoleSummary & { users: { id: string; name: string; email: string }[] };

// One role of the viewer's account with the users who hold it; another account's role is not found.
export async function getRole(viewer: Viewer, roleId: string): Promise<RoleDetail> {
  requirePermission(viewer, "users.manage");
  const id = parseId(roleId);
  const db = await getDb();
  const [role] = await db
    .select({ id: roles.id, name: roles.name, isBuiltIn: roles.isBuiltIn, builtInKey: roles.builtInKey })
    .from(roles)
    .where(and(eq(roles.id, id), eq(roles.accountId, viewer.accountId)));
  if (!role) throw new AppError("not_found", "Not found");
  const [grants, holders] = await Promise.all([
    db
      .select({ permission: rolePermissions.permission })
      .from(rolePermissions)
      .where(and(eq(rolePermissions.roleId, id), eq(rolePermissions.accountId, viewer.accountId))),
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(userRoles)
      .innerJoin(users, and(eq(users.id, userRoles.userId), eq(users.accountId, userRoles.accountId)))
      .where(and(eq(userRoles.roleId, id), eq(userRoles.accountId, viewer.accountId)))
      .orderBy(asc(users.name)),
  ]);
  return { ...role, permissions: ordered(grants.map((g) => g.permission)), userCount: holders.length, users: holders };
}
