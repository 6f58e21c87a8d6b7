// Human labels for audit-log actions, used by the page's filter and table and the CSV export.
// Each domain adds the actions it records; an action missing here is shown by its key.
export const AUDIT_ACTIONS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_in_throttled": "Sign-in throttled",
  "user.invited": "User invited",
  "user.invitation_resent": "Invitation resent",
  "user.invitation_accepted": "Invitation accepted",
  "user.roles_changed": "User roles changed",
  "user.disabled": "User disabled",
  "user.enabled": "User enabled",
  "role.created": "Role created",
  "role.renamed": "Role renamed",
  "role.permissions_changed": "Role permissions changed",
  "role.deleted": "Role deleted",
  "payment_method.added": "Payment method added",
  "payment_method.default_set": "Default payment method changed",
  "payment_method.removed": "Payment method removed",
  "audit_log.exported": "Audit log exported",
  "invoice.posted": "Invoice posted",
  "invoice.voided": "Invoice voided",
  "payment.recorded": "Payment recorded",
  "access.denied": "Access denied",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}
