import type { Permission } from "@/lib/access/permissions";

export type NavItem = { href: string; label: string; permission: Permission | null };
export type NavGroup = { label: string; items: NavItem[] };
// What the side navigation renders: the links, without the permission that chose them.
export type NavLinkGroup = { label: string; items: { href: string; label: string }[] };

// The portal's left navigation. Each page also checks its own permission; this only hides links.
export const PORTAL_NAV: NavGroup[] = [
  {
    label: "Account",
    items: [
      { href: "/account/invoices", label: "Invoices + Payments", permission: "invoices.view" },
      { href: "/account/payment-methods", label: "Payment Methods", permission: "payments.read" },
      { href: "/account/users", label: "Users", permission: "users.manage" },
      { href: "/account/roles", label: "Roles", permission: "users.manage" },
      { href: "/account/audit-log", label: "Audit Log", permission: "users.manage" },
    ],
  },
  { label: "Support", items: [{ href: "/support/tickets", label: "Support Tickets", permission: "support.use" }] },
];

export function visibleNav(permissions: ReadonlySet<Permission>): NavLinkGroup[] {
  return PORTAL_NAV.map((group) => ({
    label: group.label,
    items: group.items.filter((i) => i.permission === null || permissions.has(i.permission)).map(({ href, label }) => ({ href, label })),
  })).filter((group) => group.items.length > 0);
}

// Where a signed-in user lands: the first page they may open.
export function homeFor(permissions: ReadonlySet<Permission>): string {
  return visibleNav(permissions)[0]?.items[0]?.href ?? "/account/invoices";
}
