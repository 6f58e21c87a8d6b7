import { describe, expect, it } from "vitest";
import { requireAccountMember, requireOperator, requirePermission } from "@/lib/access/guards";
import type { Operator, Viewer } from "@/lib/access/load-viewer";
import { effectivePermissions } from "@/lib/access/permissions";

// What the guards at the top of every data function answer when they refuse: the code decides the
// HTTP status and the page shown (lib/http/error-response.ts), the message is what the person reads.
const account = { id: "a1", slug: "acme", name: "Acme", timeZone: "UTC", locale: "en-US", currency: "USD", invoiceGeneration: 4, upgradedAt: null };
const viewer: Viewer = {
  kind: "customer",
  userId: "u1",
  email: "v@example.test",
  name: "Viewer",
  accountId: account.id,
  account,
  permissions: effectivePermissions(["invoices.view"]),
};
const operator: Operator = { kind: "operator", userId: "o1", email: "o@example.test", name: "Operator" };

describe("access guards refuse with a code and a message", () => {
  it("a missing permission is forbidden and names the permission", () => {
    expect(() => requirePermission(viewer, "payments.read")).toThrow(
      expect.objectContaining({ code: "forbidden", message: "Missing permission: payments.read", details: { permission: "payments.read" } }),
    );
    expect(() => requirePermission(viewer, "invoices.view")).not.toThrow();
  });

  it("no signed-in account member is unauthenticated, asked to sign in", () => {
    for (const who of [null, operator, { ...viewer, accountId: "" }]) {
      expect(() => requireAccountMember(who as unknown as Viewer)).toThrow(expect.objectContaining({ code: "unauthenticated", message: "Sign in to continue." }));
    }
    expect(() => requireAccountMember(viewer)).not.toThrow();
  });

  it("an operator function called without an operator is not found, saying no more", () => {
    for (const who of [null, viewer]) {
      expect(() => requireOperator(who as unknown as Operator)).toThrow(expect.objectContaining({ code: "not_found", message: "Not found" }));
    }
    expect(() => requireOperator(operator)).not.toThrow();
  });
});
