import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { loadAlertBell } from "@/lib/notifications/alert-bell";
import { countUnreadAlerts, listRecentAlerts, markAlertRead } from "@/lib/notifications/alerts";
import { raiseAlerts } from "@/lib/notifications/raise-alert";
import { createTestAccount, createTestUser } from "../support/factories";

async function alertsFor(user: { id: string; accountId: string | null }, n: number, start = Date.UTC(2026, 11, 1)) {
  await raiseAlerts(
    await getDb(),
    Array.from({ length: n }, (_, i) => ({ accountId: user.accountId, userId: user.id, title: `Alert ${i + 1}`, href: "/alerts", createdAt: new Date(start + i * 60_000) })),
  );
}

describe("the alert bell's data (one statement)", () => {
  it("is the unread count and the newest alerts of the viewer alone, as counted and listed separately", async () => {
    const account = await createTestAccount();
    const me = await createTestUser(account, ["member"]);
    const colleague = await createTestUser(account, ["account_admin"]);
    await alertsFor(me.user, 10);
    await alertsFor(colleague.user, 2);
    const [newest] = await listRecentAlerts(me.viewer, 1);
    await markAlertRead(me.viewer, newest.id);

    const bell = await loadAlertBell(me.viewer, 8);
    expect(bell.unread).toBe(9);
    expect(bell.unread).toBe(await countUnreadAlerts(me.viewer));
    expect(bell.recent.map((a) => a.title)).toEqual((await listRecentAlerts(me.viewer, 8)).map((a) => a.title));
    expect(bell.recent[0]).toMatchObject({ title: "Alert 10", readAt: expect.any(Date), createdAt: expect.any(Date) });
    expect(bell.recent[1].readAt).toBeNull();
    expect(await loadAlertBell(colleague.viewer, 8)).toMatchObject({ unread: 2, recent: [{ title: "Alert 2" }, { title: "Alert 1" }] });
  });

  it("is empty with nothing unread for a user without alerts", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["member"]);
    expect(await loadAlertBell(viewer, 8)).toEqual({ unread: 0, recent: [] });
  });
});
