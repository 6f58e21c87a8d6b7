import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { invoices, paymentAllocations, payments } from "@/db/schema";
import { postInvoice } from "@/lib/invoices/post-invoice";
import { createTestAccount, createTestInvoice, createTestPayment, TEST_ACTOR } from "../support/factories";

// The ledger's money rules hold in two places on purpose: the schema refuses an inconsistent row
// whoever writes it, and postInvoice / recordPayment refuse bad input with a clear error first.

// A row as postInvoice would write it, for inserting past lib/ straight into the table.
function invoiceRow(accountId: string, money: { subtotalMinor: number; taxMinor: number; totalMinor: number; paidMinor?: number }) {
  return {
    accountId,
    number: `RAW-${Math.random().toString(36).slice(2, 8)}`,
    generation: 4,
    issueDate: "2026-10-01",
    dueDate: "2026-10-31",
    periodStart: "2026-09-01",
    periodEnd: "2026-09-30",
    currency: "USD",
    ...money,
  };
}

// The constraint a failed statement violated (drizzle wraps the driver's error in `cause`).
async function violatedConstraint(statement: Promise<unknown>): Promise<string | undefined> {
  const error = await statement.then(
    () => undefined,
    (e: unknown) => e as { cause?: { constraint?: string }; constraint?: string },
  );
  expect(error, "the statement should have been refused").toBeDefined();
  return error?.cause?.constraint ?? error?.constraint;
}

describe("the schema's money CHECKs refuse inconsistent invoices written directly", () => {
  it("refuses a total that is not subtotal + tax", async () => {
    const account = await createTestAccount();
    const db = await getDb();
    expect(await violatedConstraint(db.insert(invoices).values(invoiceRow(account.account.id, { subtotalMinor: 10_000, taxMinor: 800, totalMinor: 10_900 })))).toBe(
      "invoices_total_is_sum",
    );
    await db.insert(invoices).values(invoiceRow(account.account.id, { subtotalMinor: 10_000, taxMinor: 800, totalMinor: 10_800 }));
  });

  it("refuses an amount paid below zero or above the total, on insert and on update", async () => {
    const account = await createTestAccount();
    const db = await getDb();
    const money = { subtotalMinor: 10_000, taxMinor: 0, totalMinor: 10_000 };
    expect(await violatedConstraint(db.insert(invoices).values(invoiceRow(account.account.id, { ...money, paidMinor: -1 })))).toBe("invoices_paid_in_range");
    expect(await violatedConstraint(db.insert(invoices).values(invoiceRow(account.account.id, { ...money, paidMinor: 10_001 })))).toBe("invoices_paid_in_range");
    const invoice = await createTestInvoice(account);
    expect(await violatedConstraint(db.update(invoices).set({ paidMinor: 10_001 }).where(eq(invoices.id, invoice.id)))).toBe("invoices_paid_in_range");
    // The bounds themselves are allowed: nothing paid, and paid in full.
    await db.update(invoices).set({ paidMinor: 10_000 }).where(eq(invoices.id, invoice.id));
    await db.update(invoices).set({ paidMinor: 0 }).where(eq(invoices.id, invoice.id));
  });
});

describe("postInvoice and recordPayment refuse bad money before the database has to", () => {
  it("postInvoice refuses a negative total as invalid input, writing nothing", async () => {
    const account = await createTestAccount();
    const input = {
      accountId: account.account.id,
      number: "CREDIT-1",
      generation: 4 as const,
      issueDate: "2026-10-01",
      dueDate: "2026-10-31",
      periodStart: "2026-09-01",
      periodEnd: "2026-09-30",
      lines: [{ description: "Refund", quantity: "1", unitPriceMinor: -500, taxRateBp: 0 }],
    };
    await expect(postInvoice(await getDb(), input, TEST_ACTOR)).rejects.toMatchObject({ code: "invalid", message: "An invoice total cannot be negative" });
    expect(await (await getDb()).select().from(invoices).where(eq(invoices.accountId, account.account.id))).toEqual([]);
    // A zero total is not negative: it posts, already paid.
    await expect(postInvoice(await getDb(), { ...input, lines: [{ description: "Free", quantity: "1", unitPriceMinor: 0, taxRateBp: 0 }] }, TEST_ACTOR)).resolves.toMatchObject({
      totalMinor: 0,
      status: "paid",
    });
  });

  it("recordPayment refuses allocations that add up to more than the payment, even when each fits its invoice", async () => {
    const account = await createTestAccount();
    const [a, b] = [await createTestInvoice(account), await createTestInvoice(account)];
    const allocations = [
      { invoiceId: a.id, amountMinor: 4_000 },
      { invoiceId: b.id, amountMinor: 4_000 },
    ];
    await expect(createTestPayment(account, { amountMinor: 7_999, allocations })).rejects.toMatchObject({ code: "invalid", message: "Allocations exceed the payment amount" });
    const db = await getDb();
    expect(await db.select().from(payments).where(eq(payments.accountId, account.account.id))).toEqual([]);
    expect(await db.select().from(paymentAllocations).where(eq(paymentAllocations.accountId, account.account.id))).toEqual([]);
    // Allocating exactly the payment is fine.
    await createTestPayment(account, { amountMinor: 8_000, allocations });
    expect((await db.select({ paidMinor: invoices.paidMinor }).from(invoices).where(eq(invoices.accountId, account.account.id))).map((i) => i.paidMinor)).toEqual([4_000, 4_000]);
  });
});
