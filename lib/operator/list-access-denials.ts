import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, auditEvents } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { isPermission, PERMISSION_INFO } from "@/lib/access/permissions";
import { ACCESS_DENIED } from "@/lib/audit/access-denied";

const LIST_LIMIT = 200;

export type AccessDenial = { id: number; at: Date; accountName: string | null; user: string; route: string | null; reason: string; ip: string | null };

// Refused attempts across every account (issue 12, item 11), newest first: who, where, and
// which permission was missing or that the record was another account's.
// Note: operator-only and deliberately across all accounts.
export async function listAccessDenials(operator: Operator): Promise<AccessDenial[]> {
  requireOperator(operator);
  const db = await getDb();
  const rows = await db
    .select({ id: auditEvents.id, at: auditEvents.createdAt, accountName: accounts.name, user: auditEvents.actorLabel, details: auditEvents.details, ip: auditEvents.ip })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.accountId))
    .where(eq(auditEvents.action, ACCESS_DENIED))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(LIST_LIMIT);
  return rows.map(({ details, ...row }) => ({ ...row, route: typeof details.route === "string" ? details.route : null, reason: denialReason(details) }));
}

// "Missing permission: View Invoices" or "Another account's record".
export function denialReason(details: Record<string, unknown>): string {
  const permission = details.permission;
  if (typeof permission === "string" && isPermission(permission)) return `Missing permission: ${PERMISSION_INFO[permission].label}`;
  return details.otherAccount ? "Another account's record" : "Refused";
}
