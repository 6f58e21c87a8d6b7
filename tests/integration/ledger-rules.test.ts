import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, invoiceLines, invoices, notifications, paymentAllocations, payments } from "@/db/schema";
import { postInvoice, type PostInvoiceInput } from "@/lib/invoices/post-invoice";
import { recordPayment, type RecordPaymentInput } from "@/lib/payments/record-payment";
import { recordPaymentToAccount } from "@/lib/payments/record-payment-to-account";
import { createTestAccount, createTestCard, createTestInvoice, createTestUser, TEST_ACTOR, type TestAccount } from "../support/factories";

// The ledger's own rules, called directly (issue 17, mutation testing): each refusal names its reason
// and writes nothing; what is written is exactly what was asked.

function paymentInput(account: TestAccount, overrides: Partial<RecordPaymentInput> = {}): RecordPaymentInput {
  return {
    accountId: account.account.id,
    receivedOn: "2026-10-15",
    amountMinor: 1_000,
    reference: `PAY-${randomUUID().slice(0, 6)}`,
    method: "check",
    allocations: [],
    ...overrides,
  };
}

function invoiceInput(account: TestAccount, overrides: Partial<PostInvoiceInput> = {}): PostInvoiceInput {
  return {
    accountId: account.account.id,
    number: `R-${randomUUID().slice(0, 8)}`,
    generation: 4,
    issueDate: "2026-10-01",
    dueDate: "2026-10-31",
    periodStart: "2026-09-01",
    periodEnd: "2026-09-30",
    lines: [{ description: "Hosting", quantity: "1", unitPriceMinor: 10_000, taxRateBp: 0 }],
    ...overrides,
  };
}

async function paymentsOf(account: TestAccount) {
  return (await getDb()).select().from(payments).where(eq(payments.accountId, account.account.id));
}

async function invoiceRow(id: string) {
  const [row] = await (await getDb()).select().from(invoices).where(eq(invoices.id, id));
  return row;
}

describe("recordPayment refuses, writing nothing", () => {
  it("an amount that is not a positive whole number of minor units", async () => {
    const account = await createTestAccount();
    for (const amountMinor of [0, -100, 10.5, Number.MAX_SAFE_INTEGER + 2]) {
      await expect(recordPayment(await getDb(), paymentInput(account, { amountMinor }), TEST_ACTOR)).rejects.toMatchObject({
        code: "invalid",
        message: "Payment amount must be positive",
      });
    }
    expect(await paymentsOf(account)).toEqual([]);
  });

  it("an allocation that is not a positive whole amount, or an invoice allocated twice", async () => {
    const account = await createTestAccount();
    const invoice = await createTestInvoice(account);
    for (const amountMinor of [0, -1, 0.5]) {
      await expect(recordPayment(await getDb(), paymentInput(account, { allocations: [{ invoiceId: invoice.id, amountMinor }] }), TEST_ACTOR)).rejects.toMatchObject({
        code: "invalid",
        message: "Each allocation must be a positive amount",
      });
    }
    const twice = [
      { invoiceId: invoice.id, amountMinor: 100 },
      { invoiceId: invoice.id, amountMinor: 100 },
    ];
    await expect(recordPayment(await getDb(), paymentInput(account, { allocations: twice }), TEST_ACTOR)).rejects.toMatchObject({
      code: "invalid",
      message: "An invoice appears twice in the allocations",
    });
    expect(await paymentsOf(account)).toEqual([]);
    expect(await invoiceRow(invoice.id)).toMatchObject({ paidMinor: 0, status: "open" });
  });

  it("an unknown account, and an invoice that is not open", async () => {
    const account = await createTestAccount();
    await expect(recordPayment(await getDb(), { ...paymentInput(account), accountId: randomUUID() }, TEST_ACTOR)).rejects.toMatchObject({
      code: "not_found",
      message: "Account not found",
    });
    const paid = await createTestInvoice(account);
    await recordPayment(await getDb(), paymentInput(account, { amountMinor: 10_000, allocations: [{ invoiceId: paid.id, amountMinor: 10_000 }] }), TEST_ACTOR);
    const voided = await createTestInvoice(account);
    await (await getDb()).update(invoices).set({ status: "void", voidedAt: new Date(), voidReason: "test" }).where(eq(invoices.id, voided.id));
    for (const invoice of [paid, voided]) {
      const status = invoice === paid ? "paid" : "void";
      await expect(recordPayment(await getDb(), paymentInput(account, { allocations: [{ invoiceId: invoice.id, amountMinor: 1 }] }), TEST_ACTOR)).rejects.toMatchObject({
        code: "conflict",
        message: `Invoice ${invoice.number} is ${status}`,
      });
    }
    expect(await paymentsOf(account)).toHaveLength(1);
  });
});

describe("recordPayment checks each allocation against its own invoice", () => {
  it("refuses an allocation to another account's invoice even beside one to its own", async () => {
    const account = await createTestAccount();
    const own = await createTestInvoice(account);
    const foreign = await createTestInvoice(await createTestAccount());
    const allocations = [
      { invoiceId: own.id, amountMinor: 100 },
      { invoiceId: foreign.id, amountMinor: 100 },
    ];
    await expect(recordPayment(await getDb(), paymentInput(account, { amountMinor: 200, allocations }), TEST_ACTOR)).rejects.toMatchObject({
      code: "not_found",
      message: "Invoice not found in this account",
    });
    expect(await paymentsOf(account)).toEqual([]);
    expect(await invoiceRow(own.id)).toMatchObject({ paidMinor: 0 });
  });
});

describe("recordPayment writes", () => {
  it("the payment in the account's currency, its allocations, the invoices' new balances and an audit event", async () => {
    const account = await createTestAccount({ currency: "EUR" });
    const [settled, partial] = [await createTestInvoice(account), await createTestInvoice(account)];
    const allocations = [
      { invoiceId: settled.id, amountMinor: 10_000 },
      { invoiceId: partial.id, amountMinor: 2_500 },
    ];
    const payment = await recordPayment(await getDb(), paymentInput(account, { amountMinor: 13_000, reference: "WIRE-7", method: "bank_transfer", allocations }), TEST_ACTOR);
    expect(payment).toMatchObject({ accountId: account.account.id, amountMinor: 13_000, currency: "EUR", reference: "WIRE-7", method: "bank_transfer", paymentMethodId: null });
    expect(await invoiceRow(settled.id)).toMatchObject({ paidMinor: 10_000, status: "paid" });
    expect(await invoiceRow(partial.id)).toMatchObject({ paidMinor: 2_500, status: "open" });
    const db = await getDb();
    const stored = await db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, payment.id)).orderBy(asc(paymentAllocations.amountMinor));
    expect(stored.map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor, accountId: a.accountId }))).toEqual([
      { invoiceId: partial.id, amountMinor: 2_500, accountId: account.account.id },
      { invoiceId: settled.id, amountMinor: 10_000, accountId: account.account.id },
    ]);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.account.id), eq(auditEvents.action, "payment.recorded")));
    expect(audit).toMatchObject({ targetType: "payment", targetId: payment.id, details: { amountMinor: 13_000, currency: "EUR", reference: "WIRE-7", allocations } });
  });

  it("the card it was paid with", async () => {
    const account = await createTestAccount();
    const card = await createTestCard(account);
    const payment = await recordPayment(await getDb(), paymentInput(account, { method: "card", paymentMethodId: card.id }), TEST_ACTOR);
    expect(payment.paymentMethodId).toBe(card.id);
  });

  it("a payment without allocations as unallocated money, invoices untouched", async () => {
    const account = await createTestAccount();
    const invoice = await createTestInvoice(account);
    await recordPayment(await getDb(), paymentInput(account, { amountMinor: 500 }), TEST_ACTOR);
    expect(await paymentsOf(account)).toEqual([expect.objectContaining({ amountMinor: 500 })]);
    expect(await invoiceRow(invoice.id)).toMatchObject({ paidMinor: 0, status: "open" });
  });
});

describe("recordPaymentToAccount", () => {
  it("allocates oldest first among the account's open invoices when asked, and passes explicit allocations through", async () => {
    const account = await createTestAccount();
    const other = await createTestAccount();
    const foreign = await createTestInvoice(other, { issueDate: "2025-12-01", dueDate: "2026-01-01" });
    const newer = await createTestInvoice(account, { dueDate: "2026-11-30" });
    const older = await createTestInvoice(account, { dueDate: "2026-10-31" });
    const done = await createTestInvoice(account, { issueDate: "2026-09-01", dueDate: "2026-09-30" });
    await recordPayment(await getDb(), paymentInput(account, { amountMinor: 10_000, allocations: [{ invoiceId: done.id, amountMinor: 10_000 }] }), TEST_ACTOR);

    const { payment, allocations } = await recordPaymentToAccount(await getDb(), { ...paymentInput(account, { amountMinor: 12_000 }), allocations: "oldest_first" }, TEST_ACTOR);
    expect(allocations).toEqual([
      { invoiceId: older.id, amountMinor: 10_000 },
      { invoiceId: newer.id, amountMinor: 2_000 },
    ]);
    expect(payment.amountMinor).toBe(12_000);
    expect(await invoiceRow(older.id)).toMatchObject({ status: "paid" });
    expect(await invoiceRow(newer.id)).toMatchObject({ paidMinor: 2_000, status: "open" });
    expect(await invoiceRow(foreign.id)).toMatchObject({ paidMinor: 0 });

    const explicit = [{ invoiceId: newer.id, amountMinor: 1_000 }];
    expect((await recordPaymentToAccount(await getDb(), { ...paymentInput(account, { amountMinor: 1_000 }), allocations: explicit }, TEST_ACTOR)).allocations).toEqual(explicit);
    expect(await invoiceRow(newer.id)).toMatchObject({ paidMinor: 3_000 });
  });
});

describe("postInvoice", () => {
  it("refuses an invoice without lines, and an unknown account, writing nothing", async () => {
    const account = await createTestAccount();
    await expect(postInvoice(await getDb(), invoiceInput(account, { lines: [] }), TEST_ACTOR)).rejects.toMatchObject({
      code: "invalid",
      message: "An invoice needs at least one line",
    });
    await expect(postInvoice(await getDb(), { ...invoiceInput(account), accountId: randomUUID() }, TEST_ACTOR)).rejects.toMatchObject({
      code: "not_found",
      message: "Account not found",
    });
    expect(await (await getDb()).select().from(invoices).where(eq(invoices.accountId, account.account.id))).toEqual([]);
  });

  it("stores the lines in order with their amounts, the account's currency and bill-to, the posting time, and audits it", async () => {
    const account = await createTestAccount({ currency: "GBP", billTo: "Initech Ltd\n1 Main St" });
    const postedAt = new Date("2026-10-01T09:30:00Z");
    const invoice = await postInvoice(
      await getDb(),
      invoiceInput(account, {
        postedAt,
        lines: [
          { description: "First", quantity: "2", unitPriceMinor: 1_000, taxRateBp: 2_000 },
          { description: "Second", quantity: "0.5", unitPriceMinor: 300, taxRateBp: 0 },
        ],
      }),
      TEST_ACTOR,
      { notify: false },
    );
    expect(invoice).toMatchObject({ currency: "GBP", billTo: "Initech Ltd\n1 Main St", subtotalMinor: 2_150, taxMinor: 400, totalMinor: 2_550, status: "open" });
    expect(invoice.postedAt.toISOString()).toBe(postedAt.toISOString());
    const db = await getDb();
    const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).orderBy(asc(invoiceLines.position));
    expect(
      lines.map(({ position, description, quantity, unitPriceMinor, taxRateBp, amountMinor, taxMinor, accountId }) => ({
        position,
        description,
        quantity,
        unitPriceMinor,
        taxRateBp,
        amountMinor,
        taxMinor,
        accountId,
      })),
    ).toEqual([
      { position: 1, description: "First", quantity: "2.0000", unitPriceMinor: 1_000, taxRateBp: 2_000, amountMinor: 2_000, taxMinor: 400, accountId: account.account.id },
      { position: 2, description: "Second", quantity: "0.5000", unitPriceMinor: 300, taxRateBp: 0, amountMinor: 150, taxMinor: 0, accountId: account.account.id },
    ]);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.account.id), eq(auditEvents.action, "invoice.posted")));
    expect(audit).toMatchObject({ targetType: "invoice", targetId: invoice.id, details: { number: invoice.number, totalMinor: 2_550, currency: "GBP" } });
  });

  it("lets a malformed line that got past validation fail as the error it is, not as a 422 about some field", async () => {
    const account = await createTestAccount();
    const malformed = invoiceInput(account, { lines: [{ description: "Bad", quantity: "lots", unitPriceMinor: 100, taxRateBp: 0 }] });
    const failure = await postInvoice(await getDb(), malformed, TEST_ACTOR).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RangeError);
    expect(await (await getDb()).select().from(invoices).where(eq(invoices.accountId, account.account.id))).toEqual([]);
  });

  it("bills to the account's name when it has no bill-to address", async () => {
    const account = await createTestAccount({ name: "Hooli", billTo: "" });
    expect((await createTestInvoice(account)).billTo).toBe("Hooli");
  });

  it("notifies the account's recipients unless told not to", async () => {
    const account = await createTestAccount();
    const user = await createTestUser(account);
    const quiet = await createTestInvoice(account, {}, { notify: false });
    const loud = await createTestInvoice(account);
    const sent = await (await getDb()).select().from(notifications).where(eq(notifications.userId, user.user.id));
    expect(sent.map((n) => n.subjectId)).toEqual([loud.id]);
    expect(sent.map((n) => n.subjectId)).not.toContain(quiet.id);
  });
});
