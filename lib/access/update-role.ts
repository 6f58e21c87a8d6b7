import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rolePermissions, roles } from "@/db/schema";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { viewerActor } from "@/lib/audit/viewer-actor";
import { parseId, parseInput } from "@/lib/validation";
import { assertAdministrationKept, lockAccount } from "./admin-guard";
import { requirePermission } from "./guards";
import type { Viewer } from "./load-viewer";
import { renameRoleSchema, rolePermissionsSchema } from "./role-schemas";
import { assertEditable, assertNameFree, findRole, rolePermissionList } from "./role-rows";

// Renames a custom role of the viewer's account.
export async function renameRole(viewer: Viewer, roleId: string, input: { name: unknown }, origin: RequestOrigin = {}): Promise<void> {
  requirePermission(viewer, "users.manage");
  const id = parseId(roleId);
  const { name } = parseInput(renameRoleSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    const role = await findRole(tx, viewer, id);
    assertEditable(role);
    if (role.name === name) return;
    await assertNameFree(tx, viewer.accountId, name, role.id);
    await tx
      .update(roles)
      .set({ name })
      .where(and(eq(roles.id, role.id), eq(roles.accountId, viewer.accountId)));
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "role.renamed",
      target: { type: "role", id: role.id },
      details: { from: role.name, to: name },
      origin,
    });
  });
}

// Replaces a custom role's permissions. Refused, with nothing changed, when it would leave the
// account without an active administrator, or remove the viewer's own admin access unconfirmed.
export async function setRolePermissions(
  viewer: Viewer,
  roleId: string,
  input: { permissions: unknown },
  options: { confirmSelfLockout?: boolean } = {},
  origin: RequestOrigin = {},
): Promise<void> {
  requirePermission(viewer, "users.manage");
  const id = parseId(roleId);
  const { permissions } = parseInput(rolePermissionsSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    const role = await findRole(tx, viewer, id);
    assertEditable(role);
    const before = await rolePermissionList(tx, viewer.accountId, role.id);
    if (before.join() === permissions.join()) return;
    await tx.delete(rolePermissions).where(and(eq(rolePermissions.roleId, role.id), eq(rolePermissions.accountId, viewer.accountId)));
    if (permissions.length) await tx.insert(rolePermissions).values(permissions.map((permission) => ({ accountId: viewer.accountId, roleId: role.id, permission })));
    await assertAdministrationKept(tx, viewer, options);
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "role.permissions_changed",
      target: { type: "role", id: role.id },
      details: { role: role.name, before, after: permissions },
      origin,
    });
  });
}
