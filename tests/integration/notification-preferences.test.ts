import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getMyNotificationPreferences, listAccountNotificationPreferences, updateNotificationPreferences } from "@/lib/notifications/preferences";
import { createTestAccount, createTestUser } from "../support/factories";

describe("notification preferences", () => {
  it("defaults to Alert on, Email off for a new user", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["member"]);
    expect(await getMyNotificationPreferences(viewer)).toMatchObject({ alert: true, emailOn: false, changedBy: null, updatedAt: null });
  });

  it("saves the viewer's own choice without an audit event or a 'changed by'", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_viewer"]);
    await updateNotificationPreferences(viewer, { alert: false, email: true });
    await updateNotificationPreferences(viewer, { alert: false, email: true });
    expect(await getMyNotificationPreferences(viewer)).toMatchObject({ alert: false, emailOn: true, changedBy: null, receivesBilling: true });
    const events = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.accountId, account.account.id));
    expect(events.filter((e) => e.action.startsWith("notification_preferences"))).toEqual([]);
  });

  it("lets an administrator change another user's preferences: audit-logged, and the user sees who did it", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    const target = await createTestUser(account, ["billing_viewer"]);
    await updateNotificationPreferences(admin.viewer, { userId: target.user.id, alert: true, email: true }, { ip: "203.0.113.9", userAgent: "test" });

    expect(await getMyNotificationPreferences(target.viewer)).toMatchObject({ alert: true, emailOn: true, changedBy: admin.user.name });
    const [event] = await (
      await getDb()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.account.id), eq(auditEvents.action, "notification_preferences.changed_for_user")));
    expect(event).toMatchObject({ actorUserId: admin.user.id, targetType: "user", targetId: target.user.id, ip: "203.0.113.9" });
    expect(event.details).toMatchObject({ before: { alert: true, email: false }, after: { alert: true, email: true } });

    await updateNotificationPreferences(target.viewer, { alert: false, email: true });
    expect((await getMyNotificationPreferences(target.viewer)).changedBy).toBeNull();
  });

  it("refuses a non-administrator changing someone else's preferences", async () => {
    const account = await createTestAccount();
    const billing = await createTestUser(account, ["billing_manager"]);
    const other = await createTestUser(account, ["billing_viewer"]);
    await expect(updateNotificationPreferences(billing.viewer, { userId: other.user.id, alert: false, email: false })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAccountNotificationPreferences(billing.viewer)).rejects.toBeInstanceOf(AppError);
  });

  it("treats another account's user id as not found, even for an administrator", async () => {
    const a = await createTestAccount();
    const b = await createTestAccount();
    const adminA = await createTestUser(a, ["account_admin"]);
    const userB = await createTestUser(b, ["billing_viewer"]);
    await expect(updateNotificationPreferences(adminA.viewer, { userId: userB.user.id, alert: false, email: true })).rejects.toMatchObject({ code: "not_found" });
    expect(await getMyNotificationPreferences(userB.viewer)).toMatchObject({ alert: true, emailOn: false });
  });

  it("lists only the administrator's own account's active users", async () => {
    const a = await createTestAccount();
    const b = await createTestAccount();
    const adminA = await createTestUser(a, ["account_admin"]);
    const memberA = await createTestUser(a, ["member"]);
    await createTestUser(b, ["account_admin"]);
    const rows = await listAccountNotificationPreferences(adminA.viewer);
    expect(rows.map((r) => r.userId).sort()).toEqual([adminA.user.id, memberA.user.id].sort());
    expect(rows.find((r) => r.userId === memberA.user.id)?.receivesBilling).toBe(false);
  });

  it("rejects input that is not two booleans", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["member"]);
    await expect(updateNotificationPreferences(viewer, { alert: "yes" as unknown as boolean, email: false })).rejects.toMatchObject({ code: "invalid" });
  });
});
