import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { accounts, invoiceAccessGrants, invoices } from "@/db/schema";
import { GENERATION_3_GRACE_MS } from "./generation-rule";

// The Generation 3 rule of generation3Access / visibleInvoicesWhere as one SQL condition over
// `invoices` joined to its own `accounts` row: visible unless the account upgraded at least the
// grace period ago, the invoice is Generation 3 and no access grant is active.
// Note: for jobs that deliberately span accounts (the reminder sweep); viewer reads use visibleInvoicesWhere.
export function visibleToOwnAccountSql(now: Date): SQL {
  const graceStart = new Date(now.getTime() - GENERATION_3_GRACE_MS).toISOString();
  return sql`(${invoices.generation} = 4 or ${accounts.invoiceGeneration} <> 4 or ${accounts.upgradedAt} is null
    or ${accounts.upgradedAt} > ${graceStart}::timestamptz
    or exists (select 1 from ${invoiceAccessGrants} g where g.account_id = ${invoices.accountId} and g.invoice_id = ${invoices.id}
               and g.expires_at > ${now.toISOString()}::timestamptz))`;
}
