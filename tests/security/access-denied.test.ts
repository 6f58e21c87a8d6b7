import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Identity, Viewer } from "@/lib/access/load-viewer";
import { auditActionLabel } from "@/lib/audit/audit-actions";
import { auditFiltersSchema } from "@/lib/audit/audit-filters";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { listAccessDenials } from "@/lib/operator/list-access-denials";
import { createTestAccount, createTestInvoice, createTestOperator, createTestUser, type TestAccount } from "../support/factories";

// Item 11 of issue 12: refusals are `access.denied` audit events, written where refusals are
// answered (route wrapper, form runner), at most one per user, route and reason a minute.

const request = vi.hoisted(() => ({ identity: null as Identity | null, headers: new Headers() }));
vi.mock("@/lib/access/viewer", () => ({
  getIdentity: async () => request.identity,
  getViewer: async () => (request.identity?.kind === "customer" ? request.identity : null),
}));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { GET: listExport } = await import("@/app/(portal)/account/invoices/export/route");
const { GET: invoiceCsv } = await import("@/app/(portal)/account/invoices/[id]/csv/route");
const { createRoleAction } = await import("@/app/(portal)/account/roles/actions");

const BASE = "http://localhost:3000";
let account: TestAccount;
let other: TestAccount;

const denials = async (userId: string) =>
  (await getDb())
    .select({ details: auditEvents.details, accountId: auditEvents.accountId, ip: auditEvents.ip })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, userId), eq(auditEvents.action, "access.denied")));

const csvOf = (id: string) => invoiceCsv(new Request(`${BASE}/account/invoices/${id}/csv`, { headers: { "x-forwarded-for": "203.0.113.8" } }), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  account = await createTestAccount({ slug: "denied-home" });
  other = await createTestAccount({ slug: "denied-other" });
});

afterEach(() => {
  request.identity = null;
  request.headers = new Headers();
});

describe("access.denied", () => {
  it("records a missing permission once a minute per user and route, with the route and permission", async () => {
    const member: Viewer = (await createTestUser(account, ["member"])).viewer;
    request.identity = member;
    for (let i = 0; i < 5; i++) expect((await listExport(new Request(`${BASE}/account/invoices/export?tab=open&scope=all`))).status).toBe(403);
    expect(await denials(member.userId)).toEqual([
      { accountId: account.account.id, ip: expect.any(String), details: { route: "/account/invoices/export", path: "/account/invoices/export", permission: "invoices.view" } },
    ]);

    // A minute later the next attempt is recorded again.
    await (await getDb()).execute(sql`update audit_events set created_at = created_at - interval '61 seconds' where actor_user_id = ${member.userId}`);
    await listExport(new Request(`${BASE}/account/invoices/export?tab=open&scope=all`));
    expect(await denials(member.userId)).toHaveLength(2);
  });

  it("records another account's id, but not an id that exists nowhere, and answers both with the same 404", async () => {
    const manager: Viewer = (await createTestUser(account, ["billing_manager"])).viewer;
    const foreign = await createTestInvoice(other);
    request.identity = manager;
    const missing = await csvOf(randomUUID());
    expect(await denials(manager.userId)).toEqual([]);
    const refused = await csvOf(foreign.id);
    expect(refused.status).toBe(404);
    expect(missing.status).toBe(404);
    // The same problem details, word for word; only `instance` differs: it echoes each request's own path.
    const [refusedBody, missingBody] = [await refused.json(), await missing.json()];
    expect(refusedBody.instance).toBe(`/account/invoices/${foreign.id}/csv`);
    expect({ ...refusedBody, instance: undefined }).toEqual({ ...missingBody, instance: undefined });
    expect(await denials(manager.userId)).toEqual([
      { accountId: account.account.id, ip: expect.any(String), details: { route: "/account/invoices/[id]/csv", path: `/account/invoices/${foreign.id}/csv`, otherAccount: true } },
    ]);
    // Walking through more of the other account's ids stays one event a minute.
    await csvOf((await createTestInvoice(other)).id);
    expect(await denials(manager.userId)).toHaveLength(1);
  });

  it("records a form refused for a missing permission, with the page it was posted from", async () => {
    const viewer: Viewer = (await createTestUser(account, ["billing_viewer"])).viewer;
    request.identity = viewer;
    request.headers = new Headers({ referer: `${BASE}/account/roles`, "x-forwarded-for": "203.0.113.9" });
    const form = new FormData();
    form.append("name", "Sneaky");
    const state = await createRoleAction({ status: "idle" }, form);
    expect(state.status).toBe("error");
    expect(await denials(viewer.userId)).toEqual([
      { accountId: account.account.id, ip: expect.any(String), details: { route: "/account/roles", path: "/account/roles", permission: "users.manage" } },
    ]);
  });

  it("are listed for operators across accounts, and in each account's own audit log only", async () => {
    const stranger: Viewer = (await createTestUser(other, ["member"])).viewer;
    request.identity = stranger;
    await listExport(new Request(`${BASE}/account/invoices/export?tab=open&scope=all`));

    const listed = await listAccessDenials(await createTestOperator());
    expect(listed.map((d) => d.user)).toEqual(expect.arrayContaining([stranger.email]));
    expect(listed.find((d) => d.user === stranger.email)).toMatchObject({
      accountName: other.account.name,
      route: "/account/invoices/export",
      reason: "Missing permission: View Invoices",
    });

    const admin: Viewer = (await createTestUser(account, ["account_admin"])).viewer;
    const own = await listAuditEvents(admin, auditFiltersSchema.parse({ action: "access.denied" }));
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.every((r) => r.action === "access.denied")).toBe(true);
    expect(own.rows.map((r) => r.actorLabel)).not.toContain(stranger.email);
    expect(auditActionLabel("access.denied")).toBe("Access denied");
  });
});
