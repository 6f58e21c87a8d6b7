import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionLabel, type AuditAction } from "@/lib/audit/audit-actions";
import { describeAuditDetails } from "@/lib/audit/audit-details";

const US = { locale: "en-US", timeZone: "America/New_York" };

// Details shaped exactly as each lib/ function records them. Typed as a full record, so a new
// action fails to compile here until it has a sample, and the checks below run over it.
const SAMPLES: Record<AuditAction, Record<string, unknown>> = {
  "auth.sign_in": {},
  "auth.sign_in_failed": {},
  "auth.sign_in_throttled": {},
  "auth.password_changed": {},
  "auth.password_reset_requested": {},
  "auth.password_reset": {},
  "auth.sessions_revoked": { count: 2 },
  "user.invited": { email: "new@acme.example", roles: ["Billing Viewer"] },
  "user.invitation_resent": { email: "new@acme.example" },
  "user.invitation_accepted": {},
  "user.roles_changed": { email: "vera@acme.example", before: ["Member"], after: ["Billing Viewer"] },
  "user.disabled": { email: "vera@acme.example" },
  "user.enabled": { email: "vera@acme.example" },
  "role.created": { name: "Auditors", permissions: ["invoices.view", "payments.read"] },
  "role.renamed": { from: "Auditors", to: "Auditing" },
  "role.permissions_changed": { role: "Auditors", before: ["invoices.view"], after: ["invoices.view", "payments.read"] },
  "role.deleted": { name: "Auditors", usersReassigned: 2, reassignedTo: "Member" },
  "notification_preferences.changed_for_user": { email: "vera@acme.example", category: "billing", before: { alert: true, email: false }, after: { alert: true, email: true } },
  "payment_method.added": { brand: "Visa", isDefault: true },
  "payment_method.default_set": { brand: "Visa" },
  "payment_method.removed": { brand: "Mastercard" },
  "invoice.posted": { number: "ACME-1058", totalMinor: 143_430, currency: "USD" },
  "invoice.voided": { number: "ACME-1058", reason: "Duplicate" },
  "invoice.exported": { format: "pdf", number: "ACME-1058" },
  "invoices.exported": { tab: "recent", scope: "filtered", delimiter: ";", rowCount: 43, completed: true },
  "invoice.access_granted": { invoices: ["ACME-0901", "ACME-0902"], expiresAt: "2026-12-25T15:00:00.000Z" },
  "payment.recorded": { amountMinor: 250_000, currency: "USD", reference: "WIRE-77", allocations: [{ invoiceId: "6f1c", amountMinor: 250_000 }] },
  "account.upgraded": { generation: 4, upgradedAt: "2026-11-15T15:00:00.000Z" },
  "ticket.replied": { subject: "Where is my October invoice?" },
  "ticket.status_changed": { from: "in_progress", to: "resolved" },
  "audit_log.exported": { actor: "3d1f4a52-0000-4000-8000-000000000000", action: "notification_preferences.changed_for_user", from: "2026-11-01", to: "2026-11-25" },
  "email.retried": { to: "vera@acme.example", subject: "Invoice ACME-1058", lastError: "422 invalid recipient" },
  "api_key.created": { name: "Billing system", prefix: "bp_live_ab12" },
  "api_key.revoked": { name: "Billing system", prefix: "bp_live_ab12" },
  "access.denied": { route: "/account/invoices/[id]/csv", path: "/account/invoices/6f1c/csv", otherAccount: true },
};

// What a person should never have to read: JSON, dotted or snake_case names, camelCase keys, minor
// units, ISO timestamps. Email addresses and key prefixes are the user's own text and are set aside.
function internals(text: string): string[] {
  const prose = text.replace(/\S+@\S+/g, "").replace(/bp_live_\w+/g, "");
  return [/[{}[\]"]/, /\b[a-z]+\.[a-z_]+\b/, /\b[a-z]+_[a-z_]+\b/, /\b[a-z]+[A-Z]\w*/, /minor/i, /\d{4}-\d{2}-\d{2}T/].filter((re) => re.test(prose)).map(String);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("describeAuditDetails", () => {
  it("reads keys as words, lists arrays and counts nested records", () => {
    expect(
      describeAuditDetails(
        "user.roles_changed",
        { email: "a@b.test", before: ["Member"], after: [], isDefault: true, allocations: [{ invoiceId: "x" }, { invoiceId: "y" }], reassignedTo: null },
        US,
      ),
    ).toBe("email: a@b.test; before: Member; after: none; is default: yes; allocations: 2 items");
  });

  it("labels known actions and shows unknown ones by their key", () => {
    expect(auditActionLabel("user.roles_changed")).toBe("User roles changed");
    expect(auditActionLabel("something.new")).toBe("something.new");
  });

  it("gives every action a human label and a details line without internal names, raw JSON or minor units", () => {
    for (const action of Object.keys(AUDIT_ACTIONS) as AuditAction[]) {
      const label = auditActionLabel(action);
      expect(label, action).not.toBe(action);
      expect(internals(label), `${action} label "${label}"`).toEqual([]);
      const line = describeAuditDetails(action, SAMPLES[action], US);
      expect(internals(line), `${action} details "${line}"`).toEqual([]);
      if (Object.keys(SAMPLES[action]).length) expect(line, action).not.toBe("");
    }
  });

  it("shows amounts as money in the account's locale, and the settings of an export in words", () => {
    expect(describeAuditDetails("invoice.posted", SAMPLES["invoice.posted"], US)).toBe("ACME-1058; $1,434.30");
    expect(describeAuditDetails("invoice.posted", SAMPLES["invoice.posted"], { locale: "de-DE", timeZone: "Europe/Berlin" })).toBe("ACME-1058; 1.434,30\u00a0$");
    expect(describeAuditDetails("payment.recorded", SAMPLES["payment.recorded"], US)).toBe("$2,500.00; reference WIRE-77; applied to 1 invoice");
    expect(describeAuditDetails("invoices.exported", SAMPLES["invoices.exported"], US)).toBe("Recent invoices; every filtered row; semicolon-separated; 43 rows");
    expect(describeAuditDetails("invoice.exported", SAMPLES["invoice.exported"], US)).toBe("ACME-1058; as PDF");
    expect(describeAuditDetails("notification_preferences.changed_for_user", SAMPLES["notification_preferences.changed_for_user"], US)).toBe(
      "vera@acme.example; alert on; email off → on",
    );
    expect(describeAuditDetails("audit_log.exported", SAMPLES["audit_log.exported"], US)).toBe(
      "one person; Notification preferences changed for a user; Nov 1, 2026 to Nov 25, 2026",
    );
    expect(describeAuditDetails("ticket.status_changed", SAMPLES["ticket.status_changed"], US)).toBe("from In progress to Resolved");
    expect(describeAuditDetails("account.upgraded", SAMPLES["account.upgraded"], US)).toBe("to Generation 4");
  });

  it("every action recorded anywhere in lib/ has a label (and so a filter entry)", () => {
    const recorded = new Set(
      sourceFiles(path.join(import.meta.dirname, "../../lib")).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/\baction: "([a-z0-9_.]+)"/g)].map((m) => m[1])),
    );
    expect(recorded.size).toBeGreaterThan(20);
    expect([...recorded].filter((action) => !(action in AUDIT_ACTIONS))).toEqual([]);
  });
});
