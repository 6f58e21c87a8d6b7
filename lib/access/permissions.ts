// The permission catalogue (R-P1) and built-in roles (R-P2). Pure: no database here.

export const PERMISSIONS = ["invoices.view", "payments.read", "payments.update", "users.manage", "support.use"] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_INFO: Record<Permission, { label: string; description: string }> = {
  "invoices.view": { label: "View Invoices", description: "See open and past invoices, their details, and export them." },
  "payments.read": { label: "Read Payment Information", description: "See payments received and the payment methods on file." },
  "payments.update": {
    label: "Update Payment Information",
    description: "Add, remove and choose the default payment method. Includes Read Payment Information.",
  },
  "users.manage": { label: "Manage Users and Roles", description: "Invite and disable users, edit roles, see the audit log." },
  "support.use": { label: "Use Support Tickets", description: "Open support tickets, read and reply to them." },
};

// A permission that grants others with it.
const IMPLIES: Partial<Record<Permission, Permission[]>> = { "payments.update": ["payments.read"] };

export const BUILT_IN_ROLES = [
  { key: "account_admin", name: "Account Administrator", permissions: [...PERMISSIONS] },
  { key: "billing_manager", name: "Billing Manager", permissions: ["invoices.view", "payments.read", "payments.update", "support.use"] },
  { key: "billing_viewer", name: "Billing Viewer", permissions: ["invoices.view", "support.use"] },
  { key: "member", name: "Member", permissions: [] },
] as const satisfies readonly { key: string; name: string; permissions: readonly Permission[] }[];

export type BuiltInRoleKey = (typeof BUILT_IN_ROLES)[number]["key"];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

// Effective permissions: the union of the roles' grants plus what those imply. Unknown keys are dropped.
export function effectivePermissions(granted: Iterable<string>): ReadonlySet<Permission> {
  const result = new Set<Permission>();
  for (const key of granted) {
    if (!isPermission(key)) continue;
    result.add(key);
    for (const implied of IMPLIES[key] ?? []) result.add(implied);
  }
  return result;
}
