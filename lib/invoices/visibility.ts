import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import { invoices } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { accountInvoiceVisibleSql } from "./generation-rule";

// The WHERE condition every invoice read uses: the viewer's account, and the Generation 3 rule
// (hidden Generation 3 invoices stay visible only while an access grant is active).
// Note: the account id comes from the viewer, never from the request.
export function visibleInvoicesWhere(viewer: Viewer, now: Date): SQL {
  return and(eq(invoices.accountId, viewer.accountId), accountInvoiceVisibleSql(viewer.accountId, viewer.account, now))!;
}
