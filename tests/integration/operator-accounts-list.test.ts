import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { accounts, invoices, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/demo";
import { getAccountOverview } from "@/lib/operator/get-account-overview";
import { listAccountInvoicesForOperator, type AccountInvoicesPage } from "@/lib/operator/list-account-invoices";
import { listAccountsForOperator } from "@/lib/operator/list-accounts";
import { asForgedOperator, createTestAccount, createTestInvoice, createTestOperator, createTestPayment, createTestUser } from "../support/factories";

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

describe("operator account page: invoices beyond the first 50", () => {
  it("pages every invoice newest first with keyset cursors, older and back to newer, with nothing skipped or repeated", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount();
    // 7 invoices on 3 issue dates (ties broken by number), paged 3 at a time.
    const dates = ["2026-09-01", "2026-09-01", "2026-09-01", "2026-10-01", "2026-10-01", "2026-11-01", "2026-11-01"];
    for (const [i, issueDate] of dates.entries()) await createTestInvoice(account, { number: `PG-${100 + i}`, issueDate, dueDate: "2026-12-31" }, { notify: false });
    const other = await createTestAccount();
    await createTestInvoice(other, { number: "OTHER-1" }, { notify: false });

    const numbers = (p: AccountInvoicesPage) => p.rows.map((r) => r.number);
    const first = await listAccountInvoicesForOperator(operator, account.account.id, {}, 3);
    expect(numbers(first)).toEqual(["PG-106", "PG-105", "PG-104"]);
    expect(first.newerCursor).toBeNull();
    const second = await listAccountInvoicesForOperator(operator, account.account.id, { older: first.olderCursor! }, 3);
    expect(numbers(second)).toEqual(["PG-103", "PG-102", "PG-101"]);
    const third = await listAccountInvoicesForOperator(operator, account.account.id, { older: second.olderCursor! }, 3);
    expect(numbers(third)).toEqual(["PG-100"]);
    expect(third.olderCursor).toBeNull();
    const back = await listAccountInvoicesForOperator(operator, account.account.id, { newer: third.newerCursor! }, 3);
    expect(numbers(back)).toEqual(["PG-103", "PG-102", "PG-101"]);
    const top = await listAccountInvoicesForOperator(operator, account.account.id, { newer: back.newerCursor! }, 3);
    expect(numbers(top)).toEqual(["PG-106", "PG-105", "PG-104"]);
    expect(top.newerCursor).toBeNull();
    // A forged or malformed cursor is the first page, never an error.
    expect(numbers(await listAccountInvoicesForOperator(operator, account.account.id, { older: "not-a-cursor" }, 3))).toEqual(numbers(first));

    // The account page shows 50 a page and reaches the 51st invoice through its Older link.
    for (let i = 0; i < 45; i++) await createTestInvoice(account, { number: `PG-${200 + i}`, issueDate: "2026-08-01", dueDate: "2026-12-31" }, { notify: false });
    const overview = await getAccountOverview(operator, account.account.id);
    expect(overview.invoices).toHaveLength(50);
    expect(overview.counts.invoices).toBe(52);
    // The counts come from the summaries: the same as a scan of the account's rows.
    await createTestPayment(account, { amountMinor: 500 });
    const [scanned] = await rawRows<{ invoices: number; open: number; balance: string; payments: number }>(
      await getDb(),
      sql`select count(*)::int as invoices, (count(*) filter (where status = 'open'))::int as open,
        coalesce(sum(total_minor - paid_minor) filter (where status = 'open'), 0)::text as balance,
        (select count(*)::int from payments where account_id = ${account.account.id}) as payments
        from invoices where account_id = ${account.account.id}`,
    );
    expect((await getAccountOverview(operator, account.account.id)).counts).toEqual({
      invoices: scanned.invoices,
      open: scanned.open,
      openBalanceMinor: BigInt(scanned.balance),
      payments: scanned.payments,
    });
    expect(scanned.payments).toBeGreaterThan(0);
    const rest = await getAccountOverview(operator, account.account.id, { older: overview.invoicePages.older! });
    expect(rest.invoices.map((r) => r.number)).toEqual(["PG-201", "PG-200"]);
    expect(new Set([...overview.invoices, ...rest.invoices].map((r) => r.id)).size).toBe(52);

    // A customer, even an administrator, posing as an operator gets nothing.
    const { viewer } = await createTestUser(account, ["account_admin"]);
    await expect(listAccountInvoicesForOperator(asForgedOperator(viewer), account.account.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
