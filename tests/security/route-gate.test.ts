import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { decideRoute, routeRequirement } from "@/lib/access/route-permissions";
import { effectivePermissions } from "@/lib/access/permissions";
import { createSession, loadLiveSession } from "@/lib/auth/sessions";
import { listOpenInvoices } from "@/lib/invoices/list-open-invoices";
import { createTestAccount, createTestInvoice, createTestOperator, createTestUser, setUserRoles } from "../support/factories";

const customer = (...permissions: string[]) => ({ isOperator: false, permissions: effectivePermissions(permissions) });

describe("proxy permission map", () => {
  it.each([
    ["/account/invoices", "invoices.view"],
    ["/account/invoices/0b7c/pdf", "invoices.view"],
    ["/account/invoices/export", "invoices.view"],
    ["/account/payment-methods", "payments.read"],
    ["/account/users/123", "users.manage"],
    ["/account/roles", "users.manage"],
    ["/account/audit-log", "users.manage"],
    ["/support/tickets/new", "support.use"],
    ["/operator/accounts/1", "operator"],
    ["/settings/security", "customer"],
    ["/alerts", "customer"],
    ["/", "signed-in"],
    ["/sign-in", null],
    ["/forgot-password", null],
    ["/account-invoices", null],
    ["/api/v1/invoices", null],
  ])("%s needs %s", (path, requirement) => {
    expect(routeRequirement(path)).toBe(requirement);
  });

  it("sends visitors without a live session to sign-in, and users without the permission to the missing-permission page", () => {
    expect(decideRoute("invoices.view", null)).toEqual({ kind: "sign-in" });
    expect(decideRoute("invoices.view", customer())).toEqual({ kind: "redirect", to: "/missing-permission?permission=invoices.view" });
    expect(decideRoute("invoices.view", customer("invoices.view"))).toEqual({ kind: "allow" });
    expect(decideRoute("payments.read", customer("payments.update"))).toEqual({ kind: "allow" });
    expect(decideRoute("users.manage", customer("invoices.view", "payments.update"))).toMatchObject({ kind: "redirect" });
    expect(decideRoute("operator", customer("users.manage"))).toEqual({ kind: "not-found" });
    expect(decideRoute("invoices.view", { isOperator: true, permissions: new Set() })).toEqual({ kind: "redirect", to: "/operator" });
    expect(decideRoute("operator", { isOperator: true, permissions: new Set() })).toEqual({ kind: "allow" });
  });

  it("decides on the user's current roles: a role taken away applies on the next request", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account, ["billing_manager"]);
    const db = await getDb();
    const now = new Date();
    const session = await createSession(db, { userId: user.id, ip: "unknown", now });
    const ref = { userId: user.id, sessionId: session.id };
    expect(decideRoute("invoices.view", await loadLiveSession(db, ref, now))).toEqual({ kind: "allow" });
    await setUserRoles(account, user.id, ["member"]);
    expect(decideRoute("invoices.view", await loadLiveSession(db, ref, now))).toMatchObject({ kind: "redirect" });
  });

  it("an operator session carries no tenant permissions", async () => {
    const operator = await createTestOperator();
    const db = await getDb();
    const session = await createSession(db, { userId: operator.userId, ip: "unknown", now: new Date() });
    const live = await loadLiveSession(db, { userId: operator.userId, sessionId: session.id }, new Date());
    expect(live).toMatchObject({ isOperator: true });
    expect(live!.permissions.size).toBe(0);
  });

  it("is the first gate only: with the proxy out of the way, lib/ still refuses a viewer without the permission", async () => {
    const account = await createTestAccount();
    await createTestInvoice(account);
    const { viewer } = await createTestUser(account, ["member"]);
    await expect(listOpenInvoices(viewer, {} as never, new Date())).rejects.toMatchObject({ code: "forbidden" });
  });
});
