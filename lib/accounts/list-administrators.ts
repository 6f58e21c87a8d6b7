import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rolePermissions, userRoles, users } from "@/db/schema";
import { requireAccountMember } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";

// The viewer's account's active administrators (holders of users.manage who have set a password;
// invitees don't count yet), whom a user without a permission is told to ask (R-I6). Any member
// of the account may see these names.
export async function listAccountAdministrators(viewer: Viewer) {
  requireAccountMember(viewer);
  const db = await getDb();
  return db
    .selectDistinct({ name: users.name, email: users.email })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.accountId, users.accountId)))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, userRoles.roleId), eq(rolePermissions.permission, "users.manage")))
    .where(and(eq(users.accountId, viewer.accountId), isNull(users.disabledAt), isNotNull(users.passwordHash)))
    .orderBy(users.name);
}
