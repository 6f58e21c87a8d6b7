import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { AppError } from "@/lib/errors";

// The account an ingest request addresses by slug, checked to bill in the request's currency.
export async function ingestAccount(tx: Db, slug: string, currency: string) {
  const [account] = await tx
    .select({ id: accounts.id, slug: accounts.slug, currency: accounts.currency, invoiceGeneration: accounts.invoiceGeneration })
    .from(accounts)
    .where(eq(accounts.slug, slug));
  if (!account) throw new AppError("not_found", `No account with the slug "${slug}"`);
  if (account.currency !== currency) {
    throw new AppError("invalid", "The request is invalid", { issues: [{ path: "currency", message: `Account "${slug}" is billed in ${account.currency}` }] });
  }
  return account;
}
