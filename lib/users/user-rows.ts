import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { roles, users } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { AppError } from "@/lib/errors";

// A user of the viewer's account, inside a transaction; another account's id is not found.
export async function findAccountUser(tx: Db, viewer: Viewer, userId: string) {
  const [user] = await tx
    .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.accountId, viewer.accountId)));
  if (!user) throw new AppError("not_found", "Not found");
  return user;
}

// The named roles, all of which must belong to the viewer's account.
export async function findAccountRoles(tx: Db, viewer: Viewer, roleIds: string[]) {
  if (roleIds.length === 0) return [];
  const found = await tx
    .select({ id: roles.id, name: roles.name })
    .from(roles)
    .where(and(eq(roles.accountId, viewer.accountId), inArray(roles.id, roleIds)));
  if (found.length !== roleIds.length) throw new AppError("not_found", "Not found");
  return found;
}
