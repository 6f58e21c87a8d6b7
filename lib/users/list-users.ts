import "server-only";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roles, userRoles, users, userTokens } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validation";

export type UserStatus = "active" | "invited" | "invitation_expired" | "disabled";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  status: UserStatus;
  roles: { id: string; name: string }[];
  invitationExpiresAt: Date | null;
  isViewer: boolean;
};

async function loadUsers(viewer: Viewer, now: Date, userId?: string): Promise<UserRow[]> {
  const db = await getDb();
  const scope = userId ? and(eq(users.accountId, viewer.accountId), eq(users.id, userId)) : eq(users.accountId, viewer.accountId);
  const [userRows, roleRows, inviteRows] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
      .from(users)
      .where(scope)
      .orderBy(asc(users.name), asc(users.email)),
    db
      .select({ userId: userRoles.userId, id: roles.id, name: roles.name })
      .from(userRoles)
      .innerJoin(roles, and(eq(roles.id, userRoles.roleId), eq(roles.accountId, userRoles.accountId)))
      .where(eq(userRoles.accountId, viewer.accountId))
      .orderBy(asc(roles.name)),
    db
      .select({ userId: userTokens.userId, expiresAt: userTokens.expiresAt })
      .from(userTokens)
      .where(and(eq(userTokens.accountId, viewer.accountId), eq(userTokens.purpose, "invite"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now))),
  ]);
  return userRows.map((u) => {
    const invitation = inviteRows.find((i) => i.userId === u.id) ?? null;
    const status: UserStatus = u.disabledAt ? "disabled" : u.hasPassword ? "active" : invitation ? "invited" : "invitation_expired";
    return {
      id: u.id,
      name: u.name,
      email: u.email,
      status,
      roles: roleRows.filter((r) => r.userId === u.id).map((r) => ({ id: r.id, name: r.name })),
      invitationExpiresAt: status === "invited" ? invitation!.expiresAt : null,
      isViewer: u.id === viewer.userId,
    };
  });
}

// The people in the viewer's account with their roles and status (no password hashes leave here).
export async function listUsers(viewer: Viewer, now: Date): Promise<UserRow[]> {
  requirePermission(viewer, "users.manage");
  return loadUsers(viewer, now);
}

// One user of the viewer's account; another account's user is not found.
export async function getUser(viewer: Viewer, userId: string, now: Date): Promise<UserRow> {
  requirePermission(viewer, "users.manage");
  const [user] = await loadUsers(viewer, now, parseId(userId));
  if (!user) throw new AppError("not_found", "Not found");
  return user;
}
