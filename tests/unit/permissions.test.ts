import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLES, effectivePermissions, PERMISSIONS, type Permission } from "@/lib/access/permissions";

// The permission matrix of R-P1/R-P2: every built-in role × every permission.
const EXPECTED: Record<string, Permission[]> = {
  account_admin: ["invoices.view", "payments.read", "payments.update", "users.manage", "support.use"],
  billing_manager: ["invoices.view", "payments.read", "payments.update", "support.use"],
  billing_viewer: ["invoices.view", "support.use"],
  member: [],
};

describe("built-in roles", () => {
  for (const role of BUILT_IN_ROLES) {
    for (const permission of PERMISSIONS) {
      const expected = EXPECTED[role.key].includes(permission);
      it(`${role.name} ${expected ? "has" : "lacks"} ${permission}`, () => {
        expect(effectivePermissions(role.permissions).has(permission)).toBe(expected);
      });
    }
  }
});

describe("effectivePermissions", () => {
  it("is the union of several roles' grants", () => {
    const union = effectivePermissions([...BUILT_IN_ROLES[2].permissions, "users.manage"]);
    expect([...union].sort()).toEqual(["invoices.view", "support.use", "users.manage"]);
  });

  it("payments.update implies payments.read", () => {
    expect(effectivePermissions(["payments.update"]).has("payments.read")).toBe(true);
  });

  it("drops unknown permission keys", () => {
    expect([...effectivePermissions(["invoices.view", "root.everything"])]).toEqual(["invoices.view"]);
  });
});
