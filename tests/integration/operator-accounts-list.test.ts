import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accounts, invoices, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/demo";
import { listAccountsForOperator } from "@/lib/operator/list-accounts";
import { createTestOperator } from "../support/factories";

const now = new Date("2026-11-25T15:00:00Z");

async function actualCounts(slug: string) {
  const db = await getDb();
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.slug, slug));
  const [{ u }] = await db.select({ u: count() }).from(users).where(eq(users.accountId, account.id));
  const [{ i }] = await db.select({ i: count() }).from(invoices).where(eq(invoices.accountId, account.id));
  return { users: u, invoices: i };
}

describe("operator accounts list", () => {
  it("shows each demo account's real user and invoice counts (Acme: 4 users, 61 invoices), also when searching", async () => {
    await seedDemoData(await getDb(), now);
    const operator = await createTestOperator();
    const rows = await listAccountsForOperator(operator);
    const bySlug = Object.fromEntries(rows.map((r) => [r.slug, { users: r.users, invoices: r.invoices }]));
    expect(bySlug.acme).toEqual({ users: 4, invoices: 61 });
    for (const slug of ["acme", "globex", "initech", "umbrella"]) expect(bySlug[slug]).toEqual(await actualCounts(slug));
    expect(bySlug.umbrella.invoices).toBe(0);

    // Searching by a user's email finds only that user's account, with the same counts.
    const found = await listAccountsForOperator(operator, "viewer@acme");
    expect(found.map((r) => [r.slug, r.users, r.invoices])).toEqual([["acme", 4, 61]]);
    expect(await listAccountsForOperator(operator, "nobody-at-all@")).toEqual([]);
  });
});
