import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roles, userRoles } from "@/db/schema";
import { assertAdministrationKept, lockAccount } from "@/lib/access/admin-guard";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { viewerActor } from "@/lib/audit/viewer-actor";
import { parseId, parseInput } from "@/lib/validation";
import { findAccountRoles, findAccountUser } from "./user-rows";
import { userRolesSchema } from "./user-schemas";

// Replaces a user's roles. Takes effect on that user's next request (permissions are loaded per
// request). Refused, with nothing changed, when it would leave no active administrator or remove
// the viewer's own admin access without `confirmSelfLockout` (R-P3).
export async function setUserRoles(
  viewer: Viewer,
  userId: string,
  input: { roleIds: unknown },
  options: { confirmSelfLockout?: boolean } = {},
  origin: RequestOrigin = {},
): Promise<void> {
  requirePermission(viewer, "users.manage");
  const id = parseId(userId);
  const { roleIds } = parseInput(userRolesSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    const user = await findAccountUser(tx, viewer, id);
    const next = await findAccountRoles(tx, viewer, roleIds);
    const before = await tx
      .select({ id: roles.id, name: roles.name })
      .from(userRoles)
      .innerJoin(roles, and(eq(roles.id, userRoles.roleId), eq(roles.accountId, userRoles.accountId)))
      .where(and(eq(userRoles.userId, user.id), eq(userRoles.accountId, viewer.accountId)))
      .orderBy(asc(roles.name));
    const names = (list: { name: string }[]) => list.map((r) => r.name).sort();
    if (names(before).join("\n") === names(next).join("\n")) return;

    await tx.delete(userRoles).where(and(eq(userRoles.userId, user.id), eq(userRoles.accountId, viewer.accountId)));
    await tx.insert(userRoles).values(next.map((r) => ({ accountId: viewer.accountId, userId: user.id, roleId: r.id })));
    await assertAdministrationKept(tx, viewer, options);
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "user.roles_changed",
      target: { type: "user", id: user.id },
      details: { email: user.email, before: names(before), after: names(next) },
      origin,
    });
  });
}
