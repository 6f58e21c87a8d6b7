import "server-only";
import { and, desc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoiceAccessGrants } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { idSchema } from "@/lib/validation";

// Until when support restored a hidden Generation 3 invoice for the viewer's account, or null:
// what the invoice detail page's "restored until <date>" banner shows (R-G3).
export async function getActiveInvoiceGrant(viewer: Viewer, invoiceId: string, now: Date): Promise<{ expiresAt: Date } | null> {
  requirePermission(viewer, "invoices.view");
  if (!idSchema().safeParse(invoiceId).success) return null;
  const db = await getDb();
  const [grant] = await db
    .select({ expiresAt: invoiceAccessGrants.expiresAt })
    .from(invoiceAccessGrants)
    .where(and(eq(invoiceAccessGrants.accountId, viewer.accountId), eq(invoiceAccessGrants.invoiceId, invoiceId), gt(invoiceAccessGrants.expiresAt, now)))
    .orderBy(desc(invoiceAccessGrants.expiresAt))
    .limit(1);
  return grant ?? null;
}
