import "server-only";
import { asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, invoices, users } from "@/db/schema";
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
  // Counts come from grouped subqueries joined on account id, not correlated `sql` subqueries: in a
  // single-table select drizzle renders columns unqualified, so `users.account_id = accounts.id`
  // inside a subquery became `"account_id" = "id"` on the users table and every count was 0. With a
  // join, drizzle qualifies every column.
  const userCounts = db
    .select({ accountId: users.accountId, n: count().as("user_count") })
    .from(users)
    .groupBy(users.accountId)
    .as("user_counts");
  const invoiceCounts = db
    .select({ accountId: invoices.accountId, n: count().as("invoice_count") })
    .from(invoices)
    .groupBy(invoices.accountId)
    .as("invoice_counts");
  const accountsWithMatchingUser = db.select({ accountId: users.accountId }).from(users).where(ilike(users.email, term));
  return db
    .select({
      id: accounts.id,
      slug: accounts.slug,
      name: accounts.name,
      invoiceGeneration: accounts.invoiceGeneration,
      upgradedAt: accounts.upgradedAt,
      users: sql<number>`coalesce(${userCounts.n}, 0)`.mapWith(Number),
      invoices: sql<number>`coalesce(${invoiceCounts.n}, 0)`.mapWith(Number),
    })
    .from(accounts)
    .leftJoin(userCounts, eq(userCounts.accountId, accounts.id))
    .leftJoin(invoiceCounts, eq(invoiceCounts.accountId, accounts.id))
    .where(search.trim() ? or(ilike(accounts.name, term), ilike(accounts.slug, term), inArray(accounts.id, accountsWithMatchingUser)) : undefined)
    .orderBy(asc(accounts.name))
    .limit(200);
}
