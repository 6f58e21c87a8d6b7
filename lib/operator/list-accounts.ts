import "server-only";
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, invoices, users } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { stripControls } from "@/lib/validation";

// Finds accounts by name, slug or the email of one of their users.
// Note: operator-only and deliberately across all accounts.
export async function listAccountsForOperator(operator: Operator, rawSearch = "") {
  requireOperator(operator);
  // Control characters in the search box are dropped (a NUL cannot reach PostgreSQL).
  const search = stripControls(rawSearch);
  const db = await getDb();
  const term = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      id: accounts.id,
      slug: accounts.slug,
      name: accounts.name,
      invoiceGeneration: accounts.invoiceGeneration,
      upgradedAt: accounts.upgradedAt,
      users: sql<number>`(select count(*) from ${users} where ${users.accountId} = ${accounts.id})`.mapWith(Number),
      invoices: sql<number>`(select count(*) from ${invoices} where ${invoices.accountId} = ${accounts.id})`.mapWith(Number),
    })
    .from(accounts)
    .where(
      search.trim()
        ? or(
            ilike(accounts.name, term),
            ilike(accounts.slug, term),
            sql`exists (select 1 from ${users} where ${and(eq(users.accountId, accounts.id), ilike(users.email, term))})`,
          )
        : undefined,
    )
    .orderBy(asc(accounts.name))
    .limit(200);
}
