// Human labels for audit-log actions, used by the page's filter and table and the CSV export.
// `recordAuditEvent` accepts only these keys, so a new action cannot reach the log without a
// label and an entry in the "What" filter.
export const AUDIT_ACTIONS = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_in_throttled": "Sign-in throttled",
  "auth.password_changed": "Password changed",
  "auth.password_reset_requested": "Password reset requested",
  "auth.password_reset": "Password reset",
  "auth.sessions_revoked": "Other sessions signed out",
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
  "notification_preferences.changed_for_user": "Notification preferences changed for a user",
  "payment_method.added": "Payment method added",
  "payment_method.default_set": "Default payment method changed",
  "payment_method.removed": "Payment method removed",
  "invoice.posted": "Invoice posted",
  "invoice.voided": "Invoice voided",
  "invoice.exported": "Invoice downloaded",
  "invoices.exported": "Invoice list exported",
  "invoice.access_granted": "Generation 3 invoices restored",
  "payment.recorded": "Payment recorded",
  "account.upgraded": "Account upgraded",
  "ticket.replied": "Support replied to a ticket",
  "ticket.status_changed": "Ticket status changed",
  "audit_log.exported": "Audit log exported",
  "email.retried": "Email sent again",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "access.denied": "Access denied",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

// Rows written before an action was renamed still show: by their key, never as a blank.
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
}
