import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, userTokens } from "@/db/schema";
import { assertAdministrationKept, lockAccount } from "@/lib/access/admin-guard";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { viewerActor } from "@/lib/audit/viewer-actor";
import { parseId } from "@/lib/validation";
import { findAccountUser } from "./user-rows";

// Disables a user: every session of theirs is revoked (re-enabling does not bring one back) and
// their pending links stop working. Never the account's last active administrator (R-P3).
export async function disableUser(
  viewer: Viewer,
  userId: string,
  options: { confirmSelfLockout?: boolean } = {},
  origin: RequestOrigin = {},
  now: Date = new Date(),
): Promise<void> {
  requirePermission(viewer, "users.manage");
  const id = parseId(userId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    const user = await findAccountUser(tx, viewer, id);
    if (user.disabledAt) return;
    await tx
      .update(users)
      .set({ disabledAt: now })
      .where(and(eq(users.id, user.id), eq(users.accountId, viewer.accountId)));
    await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.userId, user.id), eq(userTokens.accountId, viewer.accountId), isNull(userTokens.usedAt)));
    await revokeUserSessions(tx, user.id, now);
    await assertAdministrationKept(tx, viewer, options);
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "user.disabled",
      target: { type: "user", id: user.id },
      details: { email: user.email },
      origin,
    });
  });
}

// Re-enables a disabled user; they sign in again with their password.
export async function enableUser(viewer: Viewer, userId: string, origin: RequestOrigin = {}): Promise<void> {
  requirePermission(viewer, "users.manage");
  const id = parseId(userId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    const user = await findAccountUser(tx, viewer, id);
    if (!user.disabledAt) return;
    await tx
      .update(users)
      .set({ disabledAt: null })
      .where(and(eq(users.id, user.id), eq(users.accountId, viewer.accountId)));
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "user.enabled",
      target: { type: "user", id: user.id },
      details: { email: user.email },
      origin,
    });
  });
}
