import "server-only";
import { and, eq, gt, or, sql, type SQL } from "drizzle-orm";
import { invoiceAccessGrants, invoices } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { generation3Access } from "./generation-rule";

// The WHERE condition every invoice read uses: the viewer's account, and the Generation 3 rule
// (hidden Generation 3 invoices stay visible only while an access grant is active).
// Note: the account id comes from the viewer, never from the request.
export function visibleInvoicesWhere(viewer: Viewer, now: Date): SQL {
  const accountScope = eq(invoices.accountId, viewer.accountId);
  const access = generation3Access(viewer.account, now);
  if (access.state !== "hidden") return accountScope;
  return and(
    accountScope,
    or(
      eq(invoices.generation, 4),
      sql`exists (select 1 from ${invoiceAccessGrants} where ${and(
        eq(invoiceAccessGrants.accountId, viewer.accountId),
        eq(invoiceAccessGrants.invoiceId, invoices.id),
        gt(invoiceAccessGrants.expiresAt, now),
      )})`,
    ),
  )!;
}
