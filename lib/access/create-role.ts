import "server-only";
import { getDb } from "@/db/client";
import { rolePermissions, roles } from "@/db/schema";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { viewerActor } from "@/lib/audit/viewer-actor";
import { parseInput } from "@/lib/validation";
import { lockAccount } from "./admin-guard";
import { requirePermission } from "./guards";
import type { Viewer } from "./load-viewer";
import { createRoleSchema } from "./role-schemas";
import { assertNameFree } from "./role-rows";

export type CreateRoleInput = { name: unknown; permissions: unknown };

// Creates a custom role in the viewer's account (R-P2).
export async function createRole(viewer: Viewer, input: CreateRoleInput, origin: RequestOrigin = {}): Promise<{ id: string }> {
  requirePermission(viewer, "users.manage");
  const { name, permissions } = parseInput(createRoleSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    await assertNameFree(tx, viewer.accountId, name);
    const [role] = await tx.insert(roles).values({ accountId: viewer.accountId, name }).returning({ id: roles.id });
    if (permissions.length) await tx.insert(rolePermissions).values(permissions.map((permission) => ({ accountId: viewer.accountId, roleId: role.id, permission })));
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "role.created",
      target: { type: "role", id: role.id },
      details: { name, permissions },
      origin,
    });
    return role;
  });
}
