import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { auditFiltersSchema } from "@/lib/audit/audit-filters";
import { exportAuditLog } from "@/lib/audit/export-audit-log";
import { listAuditActors, listAuditEvents } from "@/lib/audit/list-audit-events";
import { createTestAccount, createTestUser, type TestAccount } from "../support/factories";

const filters = (params: Record<string, string> = {}) => auditFiltersSchema.parse(params);

// Inserts events at given instants, as another user or the admin.
async function seedEvents(account: TestAccount, events: { at: string; action: string; actorUserId?: string; label?: string; ip?: string }[]) {
  await (await getDb()).insert(auditEvents).values(
    events.map((e) => ({
      accountId: account.account.id,
      actorUserId: e.actorUserId ?? null,
      actorLabel: e.label ?? "someone@example.test",
      actorKind: "user" as const,
      action: e.action,
      ip: e.ip ?? "10.0.0.1",
      createdAt: new Date(e.at),
    })),
  );
}

describe("audit log (R-P6)", () => {
  it("filters by actor, action and calendar days in the account's time zone", async () => {
    const account = await createTestAccount({ timeZone: "America/New_York" });
    const admin = await createTestUser(account, ["account_admin"]);
    const other = await createTestUser(account, ["member"]);
    await seedEvents(account, [
      { at: "2026-11-10T04:30:00Z", action: "auth.sign_in", actorUserId: other.user.id }, // Nov 9, 23:30 in New York
      { at: "2026-11-10T05:30:00Z", action: "auth.sign_in", actorUserId: other.user.id }, // Nov 10, 00:30
      { at: "2026-11-12T12:00:00Z", action: "role.created", actorUserId: admin.user.id },
      { at: "2026-11-13T12:00:00Z", action: "auth.sign_in", actorUserId: admin.user.id },
    ]);
    const actions = async (params: Record<string, string>) => (await listAuditEvents(admin.viewer, filters(params))).rows.map((r) => `${r.action}@${r.createdAt.toISOString()}`);
    expect(await actions({ actor: other.user.id })).toEqual(["auth.sign_in@2026-11-10T05:30:00.000Z", "auth.sign_in@2026-11-10T04:30:00.000Z"]);
    expect(await actions({ action: "role.created" })).toEqual(["role.created@2026-11-12T12:00:00.000Z"]);
    expect(await actions({ from: "2026-11-10", to: "2026-11-12" })).toEqual(["role.created@2026-11-12T12:00:00.000Z", "auth.sign_in@2026-11-10T05:30:00.000Z"]);
    expect(await actions({ to: "2026-11-09" })).toEqual(["auth.sign_in@2026-11-10T04:30:00.000Z"]);
    expect(await actions({ actor: admin.user.id, action: "auth.sign_in" })).toEqual(["auth.sign_in@2026-11-13T12:00:00.000Z"]);
    expect((await listAuditActors(admin.viewer)).map((a) => a.id).sort()).toEqual([admin.user.id, other.user.id].sort());
  });

  it("pages with keyset cursors, older and back to newer, without gaps or repeats (also for equal timestamps)", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    const at = (i: number) => new Date(Date.UTC(2026, 10, 1, 0, 0, Math.floor(i / 3))).toISOString();
    await seedEvents(
      account,
      Array.from({ length: 60 }, (_, i) => ({ at: at(i), action: `test.e${String(i).padStart(2, "0")}` })),
    );
    const all = (await listAuditEvents(admin.viewer, filters({ action: "", size: "100" }))).rows.filter((r) => r.action.startsWith("test."));
    expect(all).toHaveLength(60);

    const seen: string[] = [];
    let page = await listAuditEvents(admin.viewer, filters({ size: "25" }));
    const pages = [page];
    while (page.olderCursor) {
      page = await listAuditEvents(admin.viewer, filters({ size: "25", after: page.olderCursor }));
      pages.push(page);
    }
    for (const p of pages) seen.push(...p.rows.map((r) => String(r.id)));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await listAuditEvents(admin.viewer, filters({ size: "100" }))).rows.length);
    expect(pages[0].newerCursor).toBeNull();

    const back = await listAuditEvents(admin.viewer, filters({ size: "25", before: pages[2].newerCursor! }));
    expect(back.rows.map((r) => r.id)).toEqual(pages[1].rows.map((r) => r.id));
    expect(back.olderCursor).toBeTruthy();
  });

  it("shows only the viewer's own account's events, and only to users.manage", async () => {
    const a = await createTestAccount();
    const b = await createTestAccount();
    const admin = await createTestUser(a, ["account_admin"]);
    const adminB = await createTestUser(b, ["account_admin"]);
    await seedEvents(b, [{ at: "2026-11-01T00:00:00Z", action: "role.created", actorUserId: adminB.user.id, label: "b-admin" }]);
    const rows = (await listAuditEvents(admin.viewer, filters())).rows;
    expect(rows.some((r) => r.actorLabel === "b-admin")).toBe(false);
    expect((await listAuditEvents(admin.viewer, filters({ actor: adminB.user.id }))).rows).toEqual([]);
    expect((await listAuditActors(admin.viewer)).map((x) => x.id)).not.toContain(adminB.user.id);
    const billing = await createTestUser(a, ["billing_manager"]);
    await expect(listAuditEvents(billing.viewer, filters())).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAuditActors(billing.viewer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportAuditLog(billing.viewer, filters(), {}, new Date())).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses malformed filters and cursors", () => {
    expect(auditFiltersSchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(auditFiltersSchema.safeParse({ from: "2026-11-10", to: "2026-11-01" }).success).toBe(false);
    expect(auditFiltersSchema.safeParse({ after: "bogus" }).success).toBe(false);
    expect(auditFiltersSchema.safeParse({ actor: "'; drop table users" }).success).toBe(false);
    expect(auditFiltersSchema.parse({ size: "1000000" }).size).toBe(50);
  });

  it("exports every matching event as a spreadsheet-safe CSV named after the account, and records the export", async () => {
    const account = await createTestAccount({ slug: `exp-${Date.now()}` });
    const admin = await createTestUser(account, ["account_admin"]);
    await seedEvents(account, [
      { at: "2026-11-02T10:00:00Z", action: "role.created", label: '=HYPERLINK("http://evil")' },
      { at: "2026-11-03T10:00:00Z", action: "auth.sign_in", label: "ok@example.test" },
    ]);
    const response = await exportAuditLog(admin.viewer, filters({ action: "role.created" }), { ip: "10.0.0.3" }, new Date("2026-11-25T12:00:00Z"));
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${account.account.slug}-audit-log-2026-11-25.csv"`);
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Time (UTC),Actor,Actor type,Action,Description,Target type,Target id,Summary,Details (JSON),IP address,User agent");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain("Role created");
    const [recorded] = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.action, "audit_log.exported"));
    expect(recorded).toMatchObject({ accountId: account.account.id, actorUserId: admin.user.id, ip: "10.0.0.3", details: { action: "role.created" } });
  });
});
