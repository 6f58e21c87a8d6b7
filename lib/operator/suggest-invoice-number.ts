import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, invoices } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { parseId } from "@/lib/validation";

// A starting value for the "Post an invoice" form: the last posted number plus one, keeping its
// prefix and width (ACME-1041 → ACME-1042). The operator may change it; duplicates are refused on post.
// Note: operator-only and deliberately cross-account.
export async function suggestInvoiceNumber(operator: Operator, accountId: string): Promise<string> {
  requireOperator(operator);
  parseId(accountId, "Account not found");
  const db = await getDb();
  const [latest] = await db.select({ number: invoices.number }).from(invoices).where(eq(invoices.accountId, accountId)).orderBy(desc(invoices.postedAt)).limit(1);
  const match = latest ? /^(.*?)(\d+)$/.exec(latest.number) : null;
  if (match) return `${match[1]}${String(Number(match[2]) + 1).padStart(match[2].length, "0")}`;
  const [account] = await db.select({ slug: accounts.slug }).from(accounts).where(eq(accounts.id, accountId));
  return `${(account?.slug ?? "INV").toUpperCase()}-1001`;
}
