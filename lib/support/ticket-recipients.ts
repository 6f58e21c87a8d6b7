import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rolePermissions, userRoles, users } from "@/db/schema";
import { effectivePermissions } from "@/lib/access/permissions";

// Active users of an account who use support tickets, with whether they may open invoices:
// who hears about a reply from the provider. Read inside the caller's transaction.
// Note: provider-side; the caller has already established which account the ticket is in.
export async function listSupportRecipients(db: Db, accountId: string) {
  const rows = await db
    .select({ userId: users.id, permission: rolePermissions.permission })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.accountId, users.accountId)))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, userRoles.roleId), eq(rolePermissions.accountId, userRoles.accountId)))
    .where(and(eq(users.accountId, accountId), isNull(users.disabledAt)));
  const byUser = new Map<string, string[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.permission]);
  return [...byUser.entries()]
    .map(([userId, granted]) => ({ userId, permissions: effectivePermissions(granted) }))
    .filter((u) => u.permissions.has("support.use"))
    .map((u) => ({ userId: u.userId, canViewInvoices: u.permissions.has("invoices.view") }));
}
