import "server-only";
import { asc, ilike, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, invoiceMonthSummaries, users } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { stripControls } from "@/lib/validation";

// Finds accounts by name, slug or the email of one of their users, with their user and invoice counts.
// Note: operator-only and deliberately across all accounts.
export async function listAccountsForOperator(operator: Operator, rawSearch = "") {
  requireOperator(operator);
  // Control characters in the search box are dropped (a NUL cannot reach PostgreSQL).
  const search = stripControls(rawSearch);
  const db = await getDb();
  const term = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Counts per listed account (at most 200), each from that account's own rows, not grouped over
  // every user and invoice of the installation on each load: invoices are counted from the
  // per-month summaries (db/schema/summaries.ts), a few hundred rows per account however many
  // invoices it has. Note: the outer account id is written qualified on purpose. In a single-table
  // select drizzle renders columns unqualified, so inside a subquery on users `"id"` would be the
  // user's id (every count came out 0 once, with grouped subqueries that were then joined instead).
  const accountId = sql`${accounts}.${sql.identifier(accounts.id.name)}`;
  const userCount = sql<number>`(select count(*) from ${users} u where u.account_id = ${accountId})`.mapWith(Number);
  const invoiceCount = sql<number>`(select coalesce(sum(s.invoice_count), 0) from ${invoiceMonthSummaries} s where s.account_id = ${accountId})`.mapWith(Number);
  const accountsWithMatchingUser = db.select({ accountId: users.accountId }).from(users).where(ilike(users.email, term));
  return db
    .select({
      id: accounts.id,
      slug: accounts.slug,
      name: accounts.name,
      invoiceGeneration: accounts.invoiceGeneration,
      upgradedAt: accounts.upgradedAt,
      users: userCount,
      invoices: invoiceCount,
    })
    .from(accounts)
    .where(search.trim() ? or(ilike(accounts.name, term), ilike(accounts.slug, term), inArray(accounts.id, accountsWithMatchingUser)) : undefined)
    .orderBy(asc(accounts.name))
    .limit(200);
}
