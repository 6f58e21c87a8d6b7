import { describe, expect, it } from "vitest";
import { auditActionLabel } from "@/lib/audit/audit-actions";
import { describeAuditDetails } from "@/lib/audit/audit-details";

describe("describeAuditDetails", () => {
  it("reads keys as words, lists arrays and counts nested records", () => {
    expect(describeAuditDetails({ email: "a@b.test", before: ["Member"], after: [], isDefault: true, allocations: [{ invoiceId: "x" }, { invoiceId: "y" }], reassignedTo: null })).toBe(
      "email: a@b.test; before: Member; after: none; is default: yes; allocations: 2 items",
    );
  });

  it("labels known actions and shows unknown ones by their key", () => {
    expect(auditActionLabel("user.roles_changed")).toBe("User roles changed");
    expect(auditActionLabel("something.new")).toBe("something.new");
  });
});
