import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roles, userRoles } from "@/db/schema";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { viewerActor } from "@/lib/audit/viewer-actor";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validation";
import { assertAdministrationKept, lockAccount } from "./admin-guard";
import { requirePermission } from "./guards";
import type { Viewer } from "./load-viewer";
import { assertEditable, findRole } from "./role-rows";

export type DeleteRoleOptions = { reassignToRoleId?: string | null; confirmSelfLockout?: boolean };

// Deletes a custom role. A role still held by users is deleted only when they are moved to
// another role of the same account; the last-administrator rule applies as for any change.
export async function deleteRole(viewer: Viewer, roleId: string, options: DeleteRoleOptions = {}, origin: RequestOrigin = {}): Promise<void> {
  requirePermission(viewer, "users.manage");
  const id = parseId(roleId);
  const reassignId = options.reassignToRoleId ? parseId(options.reassignToRoleId) : null;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    const role = await findRole(tx, viewer, id);
    assertEditable(role);
    const holders = await tx
      .select({ userId: userRoles.userId })
      .from(userRoles)
      .where(and(eq(userRoles.roleId, role.id), eq(userRoles.accountId, viewer.accountId)));

    let reassignedTo: string | null = null;
    if (holders.length > 0) {
      if (!reassignId) {
        const who = holders.length === 1 ? "1 user" : `${holders.length} users`;
        throw new AppError("invalid", `${role.name} is assigned to ${who}. Choose a role to move them to before deleting it.`, {
          fieldErrors: { reassignToRoleId: ["Choose a role for the users who hold this one."] },
        });
      }
      const target = await findRole(tx, viewer, reassignId);
      if (target.id === role.id)
        throw new AppError("invalid", "Choose a different role to move its users to.", { fieldErrors: { reassignToRoleId: ["Choose a different role."] } });
      // Set-based: an account may have any number of holders, too many for one statement's bind parameters.
      await tx
        .insert(userRoles)
        .select(
          tx
            .select({ accountId: userRoles.accountId, userId: userRoles.userId, roleId: sql`${target.id}::uuid`.as("role_id") })
            .from(userRoles)
            .where(and(eq(userRoles.roleId, role.id), eq(userRoles.accountId, viewer.accountId))),
        )
        .onConflictDoNothing();
      reassignedTo = target.name;
    }
    await tx.delete(roles).where(and(eq(roles.id, role.id), eq(roles.accountId, viewer.accountId)));
    await assertAdministrationKept(tx, viewer, options);
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "role.deleted",
      target: { type: "role", id: role.id },
      details: { name: role.name, usersReassigned: holders.length, reassignedTo },
      origin,
    });
  });
}
