import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { notificationPreferences, rolePermissions, userRoles, users } from "@/db/schema";
import { requireAccountMember, requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { notFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { DEFAULT_PREFERENCES, notificationPreferencesSchema, type NotificationPreferencesInput } from "./preferences-schema";
import { grantingPermissions } from "./recipient-permissions";

export type UserPreferences = {
  userId: string;
  name: string;
  email: string;
  alert: boolean;
  emailOn: boolean;
  updatedAt: Date | null;
  // The administrator who made the latest change for this user; null when the user did it.
  changedBy: string | null;
  // Whether the user holds a permission that any billing notification needs (R-N4).
  receivesBilling: boolean;
};

const changer = alias(users, "changer");
const billingPermissions = [...new Set([...grantingPermissions("invoices.view"), ...grantingPermissions("payments.read")])];

// Active users of an account (or one of them) with their Billing preferences, defaults filled in.
async function selectUserPreferences(accountId: string, userId?: string): Promise<UserPreferences[]> {
  const db = await getDb();
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      alert: sql<boolean>`coalesce(${notificationPreferences.alert}, ${DEFAULT_PREFERENCES.alert})`,
      emailOn: sql<boolean>`coalesce(${notificationPreferences.email}, ${DEFAULT_PREFERENCES.email})`,
      updatedAt: notificationPreferences.updatedAt,
      changedBy: changer.name,
      receivesBilling: sql<boolean>`exists (
          select 1 from ${userRoles} join ${rolePermissions}
            on ${rolePermissions.roleId} = ${userRoles.roleId} and ${rolePermissions.accountId} = ${userRoles.accountId}
          where ${userRoles.userId} = ${users.id} and ${userRoles.accountId} = ${users.accountId}
            and ${rolePermissions.permission} in (${sql.join(
              billingPermissions.map((p) => sql`${p}`),
              sql`, `,
            )}))`,
    })
    .from(users)
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.category, "billing")))
    .leftJoin(changer, and(eq(changer.id, notificationPreferences.updatedByUserId), eq(changer.accountId, accountId)))
    .where(and(eq(users.accountId, accountId), isNull(users.disabledAt), userId ? eq(users.id, userId) : undefined))
    .orderBy(users.name, users.email);
}

// The viewer's own Billing preferences (R-N3).
export async function getMyNotificationPreferences(viewer: Viewer): Promise<UserPreferences> {
  requireAccountMember(viewer);
  const [row] = await selectUserPreferences(viewer.accountId, viewer.userId);
  if (!row) throw notFoundError("User not found");
  return row;
}

// Every active user of the viewer's account with their preferences, for administrators (R-N3).
export async function listAccountNotificationPreferences(viewer: Viewer): Promise<UserPreferences[]> {
  requirePermission(viewer, "users.manage");
  return selectUserPreferences(viewer.accountId);
}

// Saves Billing preferences for the viewer, or (with users.manage) for another user of the same
// account. A change made for someone else is audit-logged (R-P6) and shown to that user.
// Note: the target is looked up inside the viewer's account, so another account's user id is a 404.
export async function updateNotificationPreferences(
  viewer: Viewer,
  raw: NotificationPreferencesInput,
  origin: RequestOrigin = {},
  now = new Date(),
): Promise<{ userId: string; alert: boolean; email: boolean }> {
  requireAccountMember(viewer);
  const input = parseInput(notificationPreferencesSchema, raw, "Alert and Email must each be on or off");
  const targetId = input.userId ?? viewer.userId;
  const forOther = targetId !== viewer.userId;
  if (forOther) requirePermission(viewer, "users.manage");

  const db = await getDb();
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.id, targetId), eq(users.accountId, viewer.accountId)));
    if (!target) throw notFoundError("User not found");

    const [before] = await tx
      .select({ alert: notificationPreferences.alert, email: notificationPreferences.email })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.userId, target.id), eq(notificationPreferences.category, input.category)))
      .for("update");
    const values = { alert: input.alert, email: input.email, updatedAt: now, updatedByUserId: forOther ? viewer.userId : null };
    await tx
      .insert(notificationPreferences)
      .values({ accountId: viewer.accountId, userId: target.id, category: input.category, ...values })
      .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.category], set: values });

    if (forOther) {
      await recordAuditEvent(tx, {
        accountId: viewer.accountId,
        actor: { kind: "user", userId: viewer.userId, label: viewer.email },
        action: "notification_preferences.changed_for_user",
        target: { type: "user", id: target.id },
        details: { email: target.email, category: input.category, before: before ?? DEFAULT_PREFERENCES, after: { alert: input.alert, email: input.email } },
        origin,
      });
    }
    return { userId: target.id, alert: input.alert, email: input.email };
  });
}
