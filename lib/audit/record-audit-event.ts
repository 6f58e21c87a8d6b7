import "server-only";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditAction } from "./audit-actions";

export type AuditActor =
  | { kind: "user"; userId: string; label: string }
  | { kind: "operator"; userId: string; label: string }
  | { kind: "api"; label: string }
  | { kind: "system"; label: string }
  | { kind: "anonymous"; label: string };

export type RequestOrigin = { ip?: string | null; userAgent?: string | null };

export type AuditInput = {
  accountId: string | null;
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
  origin?: RequestOrigin;
};

// Appends one audit event (R-P6). Pass the transaction handle so the record commits with the change.
export async function recordAuditEvent(db: Db, input: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    accountId: input.accountId,
    actorUserId: "userId" in input.actor ? input.actor.userId : null,
    actorLabel: input.actor.label,
    actorKind: input.actor.kind,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    details: input.details ?? {},
    ip: input.origin?.ip ?? null,
    userAgent: input.origin?.userAgent?.slice(0, 500) ?? null,
  });
}
