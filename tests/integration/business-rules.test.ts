import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accounts, invoices, type NewInvoice } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { BALANCE_DUE, balanceDueMinor } from "@/lib/invoices/balance-due";
import {
  accountInvoiceVisibleSql,
  GENERATION_3_GRACE_MS,
  generationsVisibleInFull,
  invoiceVisibleSql,
  isInvoiceVisible,
  partlyVisibleInvoicesSql,
} from "@/lib/invoices/generation-rule";
import { displayStatusWhere, INVOICE_DISPLAY_STATUSES, invoiceDisplayStatus, type InvoiceDisplayStatus } from "@/lib/invoices/invoice-status";
import { createTestAccount, createTestGrant, type TestAccount } from "../support/factories";

// Each business rule has one SQL form and one JS form (lib/invoices/balance-due.ts,
// generation-rule.ts, invoice-status.ts). These tests run both over the same rows on the real
// database and require the same answer, so the two cannot drift apart.

const now = new Date("2026-11-25T15:00:00Z");
const today = "2026-11-25";
const HOUR = 3_600_000;

// An invoice row written directly, so the cases can include states the app's own flows never
// produce together (a void invoice with money applied, a zero total).
async function insertInvoice(account: TestAccount, row: Partial<NewInvoice> & { totalMinor: number }) {
  const [invoice] = await (
    await getDb()
  )
    .insert(invoices)
    .values({
      accountId: account.account.id,
      number: `R-${randomUUID().slice(0, 8)}`,
      generation: 4,
      issueDate: "2026-10-01",
      dueDate: "2026-10-31",
      periodStart: "2026-09-01",
      periodEnd: "2026-09-30",
      currency: "USD",
      subtotalMinor: row.totalMinor,
      taxMinor: 0,
      voidedAt: row.status === "void" ? now : null,
      ...row,
    })
    .returning();
  return invoice;
}

describe("balance due: BALANCE_DUE and balanceDueMinor agree", () => {
  it("on open, partly paid, paid, zero and void invoices, including a void one with money applied", async () => {
    const account = await createTestAccount();
    const cases = [
      { status: "open", totalMinor: 10_000, paidMinor: 0, expected: 10_000 },
      { status: "open", totalMinor: 10_000, paidMinor: 4_000, expected: 6_000 },
      { status: "open", totalMinor: 0, paidMinor: 0, expected: 0 },
      { status: "paid", totalMinor: 10_000, paidMinor: 10_000, expected: 0 },
      { status: "void", totalMinor: 10_000, paidMinor: 0, expected: 0 },
      { status: "void", totalMinor: 10_000, paidMinor: 2_500, expected: 0 },
      { status: "open", totalMinor: 9_007_199_254_740, paidMinor: 1, expected: 9_007_199_254_739 },
    ] as const;
    const ids: string[] = [];
    for (const c of cases) ids.push((await insertInvoice(account, { status: c.status, totalMinor: c.totalMinor, paidMinor: c.paidMinor })).id);

    const rows = await (
      await getDb()
    )
      .select({ id: invoices.id, status: invoices.status, totalMinor: invoices.totalMinor, paidMinor: invoices.paidMinor, sql: BALANCE_DUE })
      .from(invoices)
      .where(eq(invoices.accountId, account.account.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    cases.forEach((c, i) => {
      const row = byId.get(ids[i])!;
      expect({ case: c, sql: row.sql }).toEqual({ case: c, sql: c.expected });
      expect({ case: c, js: balanceDueMinor(row) }).toEqual({ case: c, js: c.expected });
    });
  });
});

describe("Generation 3 visibility: the SQL conditions and isInvoiceVisible agree", () => {
  it("for accounts on Generation 3, in the grace period, at its last millisecond, at its end and long after, with and without grants", async () => {
    const accountCases = [
      { name: "gen3", invoiceGeneration: 3, upgradedAt: null },
      { name: "grace", invoiceGeneration: 4, upgradedAt: new Date(now.getTime() - 10 * 24 * HOUR) },
      { name: "last-ms", invoiceGeneration: 4, upgradedAt: new Date(now.getTime() - GENERATION_3_GRACE_MS + 1) },
      { name: "boundary", invoiceGeneration: 4, upgradedAt: new Date(now.getTime() - GENERATION_3_GRACE_MS) },
      { name: "hidden", invoiceGeneration: 4, upgradedAt: new Date(now.getTime() - 120 * 24 * HOUR) },
    ];
    // Grants per Generation 3 invoice: none, expired, expiring exactly now (already over), running.
    const grantCases: Record<string, Date[]> = {
      none: [],
      expired: [new Date(now.getTime() - HOUR)],
      "ends-now": [now],
      running: [new Date(now.getTime() + HOUR)],
      "expired-and-running": [new Date(now.getTime() - HOUR), new Date(now.getTime() + HOUR)],
    };

    const expected = new Map<string, { label: string; visible: boolean }>();
    const made: { account: TestAccount; facts: (typeof accountCases)[number] }[] = [];
    for (const facts of accountCases) {
      const account = await createTestAccount({ invoiceGeneration: facts.invoiceGeneration, upgradedAt: facts.upgradedAt });
      made.push({ account, facts });
      const gen4 = await insertInvoice(account, { totalMinor: 100, generation: 4 });
      expected.set(gen4.id, { label: `${facts.name}/gen4`, visible: isInvoiceVisible(gen4, facts, [], now) });
      for (const [grantName, expiries] of Object.entries(grantCases)) {
        const gen3 = await insertInvoice(account, { totalMinor: 100, generation: 3 });
        for (const expiresAt of expiries) await createTestGrant(account, gen3.id, expiresAt);
        expected.set(gen3.id, { label: `${facts.name}/gen3/${grantName}`, visible: isInvoiceVisible(gen3, facts, expiries, now) });
      }
    }
    const visibleLabels = (ids: string[]) => ids.map((id) => expected.get(id)!.label).sort();
    const jsVisible = visibleLabels([...expected].filter(([, e]) => e.visible).map(([id]) => id));

    // The JS rule itself, spelled out once, so the comparison below is not of two wrong answers.
    expect(
      [...expected.values()]
        .filter((e) => !e.visible)
        .map((e) => e.label)
        .sort(),
    ).toEqual(["boundary", "hidden"].flatMap((a) => ["none", "expired", "ends-now"].map((g) => `${a}/gen3/${g}`)).sort());

    const db = await getDb();
    const accountIds = made.map((m) => m.account.account.id);
    const acrossAccounts = await db
      .select({ id: invoices.id })
      .from(invoices)
      .innerJoin(accounts, eq(accounts.id, invoices.accountId))
      .where(and(inArray(invoices.accountId, accountIds), invoiceVisibleSql(now)));
    expect(visibleLabels(acrossAccounts.map((r) => r.id))).toEqual(jsVisible);

    const perAccount: string[] = [];
    for (const { account, facts } of made) {
      const rows = await db
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.accountId, account.account.id), accountInvoiceVisibleSql(account.account.id, facts, now)));
      perAccount.push(...rows.map((r) => r.id));
    }
    expect(visibleLabels(perAccount)).toEqual(jsVisible);

    // The form the per-day summaries read (lib/invoices/tab-summary-sums.ts): the generations seen
    // in full, plus the partly visible invoices one by one; never both for the same invoice.
    const bySummaryForm: string[] = [];
    for (const { account, facts } of made) {
      const inFull = await db
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.accountId, account.account.id), inArray(invoices.generation, [...generationsVisibleInFull(facts, now)])));
      const partly = partlyVisibleInvoicesSql(account.account.id, facts, now);
      const rest = partly ? await db.select({ id: invoices.id }).from(invoices).where(partly) : [];
      bySummaryForm.push(...inFull.map((r) => r.id), ...rest.map((r) => r.id));
    }
    expect(visibleLabels(bySummaryForm)).toEqual(jsVisible);
  });
});

describe("invoice display status: displayStatusWhere and invoiceDisplayStatus agree", () => {
  it("for every combination of the four statuses over open (due before, on and after today), paid and void invoices", async () => {
    const account = await createTestAccount();
    const rows = [
      await insertInvoice(account, { totalMinor: 100, status: "open", issueDate: "2026-10-01", dueDate: addDays(today, -1) }),
      await insertInvoice(account, { totalMinor: 100, status: "open", issueDate: "2026-10-01", dueDate: today }),
      await insertInvoice(account, { totalMinor: 100, status: "open", issueDate: "2026-10-01", dueDate: addDays(today, 1) }),
      await insertInvoice(account, { totalMinor: 100, paidMinor: 100, status: "paid", issueDate: "2026-10-01", dueDate: addDays(today, -40) }),
      await insertInvoice(account, { totalMinor: 100, status: "void", issueDate: "2026-10-01", dueDate: addDays(today, -40) }),
    ];
    expect(rows.map((r) => invoiceDisplayStatus(r, today))).toEqual(["past_due", "open", "open", "paid", "void"]);

    const db = await getDb();
    const subsets = [...Array(2 ** INVOICE_DISPLAY_STATUSES.length).keys()].slice(1).map((mask) => INVOICE_DISPLAY_STATUSES.filter((_, bit) => mask & (1 << bit)));
    for (const statuses of subsets) {
      const sqlIds = (
        await db
          .select({ id: invoices.id })
          .from(invoices)
          .where(and(eq(invoices.accountId, account.account.id), displayStatusWhere(statuses, today)))
      ).map((r) => r.id);
      const jsIds = rows.filter((r) => (statuses as InvoiceDisplayStatus[]).includes(invoiceDisplayStatus(r, today))).map((r) => r.id);
      expect({ statuses, ids: sqlIds.sort() }).toEqual({ statuses, ids: jsIds.sort() });
    }
  });
});
