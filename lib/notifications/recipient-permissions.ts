import { PERMISSIONS, effectivePermissions, type Permission } from "@/lib/access/permissions";

export type NotificationEvent = "invoice_posted" | "invoice_past_due" | "card_expiring";

// R-N4: invoice events go to holders of invoices.view, payment-method events to holders of payments.read.
export const EVENT_PERMISSION: Record<NotificationEvent, Permission> = {
  invoice_posted: "invoices.view",
  invoice_past_due: "invoices.view",
  card_expiring: "payments.read",
};

// Every stored permission key that grants `permission` (itself, and e.g. payments.update for
// payments.read), so SQL over role_permissions honours implied permissions.
export function grantingPermissions(permission: Permission): Permission[] {
  return PERMISSIONS.filter((p) => effectivePermissions([p]).has(permission));
}
