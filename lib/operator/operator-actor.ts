import type { Operator } from "@/lib/access/load-viewer";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { providerName } from "@/lib/env";

// How an operator appears in audit logs: the customer's log shows the action as done by the provider.
export function operatorActor(operator: Operator): AuditActor {
  return { kind: "operator", userId: operator.userId, label: `${operator.name} (${providerName()})` };
}
