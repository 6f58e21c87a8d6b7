import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countUnreadAlerts, listAlerts, listRecentAlerts, markAlertRead, markAllAlertsRead } from "@/lib/notifications/alerts";
import { raiseAlerts } from "@/lib/notifications/raise-alert";
import { createTestAccount, createTestUser } from "../support/factories";

async function alertsFor(user: { id: string; accountId: string | null }, n: number, start = Date.UTC(2026, 11, 1)) {
  await raiseAlerts(
    await getDb(),
    Array.from({ length: n }, (_, i) => ({ accountId: user.accountId, userId: user.id, title: `Alert ${i + 1}`, href: "/alerts", createdAt: new Date(start + i * 60_000) })),
  );
}

describe("alerts", () => {
  it("counts, lists and marks read only the viewer's own alerts", async () => {
    const account = await createTestAccount();
    const me = await createTestUser(account, ["member"]);
    const colleague = await createTestUser(account, ["account_admin"]);
    await alertsFor(me.user, 3);
    await alertsFor(colleague.user, 2);

    expect(await countUnreadAlerts(me.viewer)).toBe(3);
    expect((await listRecentAlerts(me.viewer, 8)).map((a) => a.title)).toEqual(["Alert 3", "Alert 2", "Alert 1"]);
    expect(await markAllAlertsRead(me.viewer)).toBe(3);
    expect(await countUnreadAlerts(me.viewer)).toBe(0);
    expect(await countUnreadAlerts(colleague.viewer)).toBe(2);
  });

  it("another user's alert, even an administrator's colleague's, is not found", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    const other = await createTestUser(account, ["member"]);
    await alertsFor(other.user, 1);
    const [alert] = await listRecentAlerts(other.viewer);
    await expect(markAlertRead(admin.viewer, alert.id)).rejects.toMatchObject({ code: "not_found" });
    await markAlertRead(other.viewer, alert.id);
    expect(await countUnreadAlerts(other.viewer)).toBe(0);
  });

  it("opening an alert marks only that alert read and gives its in-portal target, never an off-site one", async () => {
    const account = await createTestAccount();
    const me = await createTestUser(account, ["member"]);
    const db = await getDb();
    const at = (i: number) => new Date(Date.UTC(2026, 11, 1) + i * 60_000);
    await raiseAlerts(db, [
      { accountId: me.user.accountId, userId: me.user.id, title: "Invoice", href: "/account/invoices/abc", createdAt: at(1) },
      { accountId: me.user.accountId, userId: me.user.id, title: "Offsite", href: "//evil.example/x", createdAt: at(2) },
      { accountId: me.user.accountId, userId: me.user.id, title: "Other", href: "/alerts", createdAt: at(3) },
    ]);
    const byTitle = Object.fromEntries((await listRecentAlerts(me.viewer)).map((a) => [a.title, a.id]));
    expect(await markAlertRead(me.viewer, byTitle.Invoice)).toBe("/account/invoices/abc");
    expect(await countUnreadAlerts(me.viewer)).toBe(2);
    expect(await markAlertRead(me.viewer, byTitle.Offsite)).toBeNull();
    // Opening it again keeps it read and still leads to the same place.
    expect(await markAlertRead(me.viewer, byTitle.Invoice)).toBe("/account/invoices/abc");
    expect((await listRecentAlerts(me.viewer)).filter((a) => a.readAt === null).map((a) => a.title)).toEqual(["Other"]);
  });

  it("another account's viewer sees nothing", async () => {
    const a = await createTestAccount();
    const b = await createTestAccount();
    const userA = await createTestUser(a, ["account_admin"]);
    const userB = await createTestUser(b, ["account_admin"]);
    await alertsFor(userA.user, 2);
    expect(await countUnreadAlerts(userB.viewer)).toBe(0);
    expect(await listRecentAlerts(userB.viewer)).toEqual([]);
    expect((await listAlerts(userB.viewer, {})).items).toEqual([]);
    const [alert] = await listRecentAlerts(userA.viewer);
    await expect(markAlertRead(userB.viewer, alert.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listAlerts(userB.viewer, { before: alert.id })).items).toEqual([]);
  });

  it("pages through alerts with keyset cursors, older and back to newer", async () => {
    const account = await createTestAccount();
    const me = await createTestUser(account, ["member"]);
    await alertsFor(me.user, 7);
    const first = await listAlerts(me.viewer, {}, 3);
    expect(first.items.map((a) => a.title)).toEqual(["Alert 7", "Alert 6", "Alert 5"]);
    expect(first.newerCursor).toBeNull();
    const second = await listAlerts(me.viewer, { before: first.olderCursor! }, 3);
    expect(second.items.map((a) => a.title)).toEqual(["Alert 4", "Alert 3", "Alert 2"]);
    const third = await listAlerts(me.viewer, { before: second.olderCursor! }, 3);
    expect(third.items.map((a) => a.title)).toEqual(["Alert 1"]);
    expect(third.olderCursor).toBeNull();
    const back = await listAlerts(me.viewer, { after: third.newerCursor! }, 3);
    expect(back.items.map((a) => a.title)).toEqual(["Alert 4", "Alert 3", "Alert 2"]);
    const newest = await listAlerts(me.viewer, { after: back.newerCursor! }, 3);
    expect(newest.items.map((a) => a.title)).toEqual(["Alert 7", "Alert 6", "Alert 5"]);
    expect(newest.newerCursor).toBeNull();
  });
});
