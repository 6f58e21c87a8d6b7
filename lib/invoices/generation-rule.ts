import { and, eq, gt, or, sql, type SQL } from "drizzle-orm";
import { accounts, invoiceAccessGrants, invoices } from "@/db/schema";

// The Generation 3 → 4 rule (R-G1, R-G2, R-G3), in one place: the JS functions and the SQL
// conditions side by side. Pure: `now` is passed in. tests/integration/business-rules.test.ts
// runs the SQL and the JS over the same accounts, invoices and grants and requires they agree.
//
// An account still on Generation 3 sees its Generation 3 invoices. Once upgraded, they stay
// visible and exportable for 30 days (30 × 24 h from the recorded upgrade instant); from that
// instant on they are hidden everywhere unless support restored one (an access grant, R-G3).

export const GENERATION_3_GRACE_MS = 30 * 86_400_000;

export type GenerationAccount = { invoiceGeneration: number; upgradedAt: Date | null };

export type Generation3Access =
  | { state: "current" } // account still on Generation 3
  | { state: "grace"; until: Date } // upgraded < 30 days ago: visible, with a banner
  | { state: "hidden"; since: Date }; // upgraded ≥ 30 days ago: hidden unless granted

export function generation3Access(account: GenerationAccount, now: Date): Generation3Access {
  if (account.invoiceGeneration !== 4 || !account.upgradedAt) return { state: "current" };
  const until = new Date(account.upgradedAt.getTime() + GENERATION_3_GRACE_MS);
  return now.getTime() < until.getTime() ? { state: "grace", until } : { state: "hidden", since: until };
}

// Whether the account sees this invoice at `now`, given the expiry instants of the invoice's
// access grants (support restorations; expired ones count for nothing).
export function isInvoiceVisible(invoice: { generation: number }, account: GenerationAccount, grantExpiries: readonly Date[], now: Date): boolean {
  if (invoice.generation === 4 || generation3Access(account, now).state !== "hidden") return true;
  return grantExpiries.some((expiresAt) => expiresAt.getTime() > now.getTime());
}

// Ids of the invoices of `accountId` (a value or a column) with a running access grant.
function grantedInvoiceIds(accountId: string | typeof invoices.accountId, now: Date): SQL {
  return sql`select ${invoiceAccessGrants.invoiceId} from ${invoiceAccessGrants} where ${and(eq(invoiceAccessGrants.accountId, accountId), gt(invoiceAccessGrants.expiresAt, now))}`;
}

// isInvoiceVisible for one account whose state is known in JS (every viewer's query): no
// condition at all unless its Generation 3 invoices are hidden.
// Note: the grant subquery is uncorrelated on purpose: PostgreSQL runs it once as a hashed
// subplan instead of once per Generation 3 row (counts over 100 000 invoices: 15 ms, not 100 ms).
export function accountInvoiceVisibleSql(accountId: string, account: GenerationAccount, now: Date): SQL | undefined {
  if (generation3Access(account, now).state !== "hidden") return undefined;
  return or(eq(invoices.generation, 4), sql`${invoices.id} in (${grantedInvoiceIds(accountId, now)})`)!;
}

// The same rule for per-generation sums (invoice_day_summaries): the generations the account sees
// in full at `now`. Its other visible invoices are the granted Generation 3 ones, which
// accountInvoiceVisibleSql finds one by one (grants expire by the clock, so they are never summed).
export function generationsVisibleInFull(account: GenerationAccount, now: Date): readonly number[] {
  return generation3Access(account, now).state === "hidden" ? [4] : [3, 4];
}

// The rest of the visible invoices: the granted Generation 3 ones while they are hidden, none otherwise.
// Note: a plain `id in (grants)`, without accountInvoiceVisibleSql's `or`, so PostgreSQL starts
// from the few running grants (by primary key) instead of walking every Generation 3 invoice.
export function partlyVisibleInvoicesSql(accountId: string, account: GenerationAccount, now: Date): SQL | undefined {
  if (generation3Access(account, now).state !== "hidden") return undefined;
  return and(eq(invoices.accountId, accountId), eq(invoices.generation, 3), sql`${invoices.id} in (${grantedInvoiceIds(accountId, now)})`)!;
}

// isInvoiceVisible across accounts (system jobs such as the reminder sweep), where each row's
// account is joined in the same query: the query must join `accounts` on invoices.account_id.
export function invoiceVisibleSql(now: Date): SQL {
  const graceStart = new Date(now.getTime() - GENERATION_3_GRACE_MS);
  return sql`(${invoices.generation} = 4
    or ${accounts.invoiceGeneration} is distinct from 4 or ${accounts.upgradedAt} is null or ${accounts.upgradedAt} > ${graceStart.toISOString()}::timestamptz
    or ${invoices.id} in (${grantedInvoiceIds(invoices.accountId, now)}))`;
}
