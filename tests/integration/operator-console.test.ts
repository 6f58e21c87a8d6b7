import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accounts, auditEvents, emailOutbox, invoiceLines, invoices } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { getAccountOverview } from "@/lib/operator/get-account-overview";
import { listAccountsForOperator } from "@/lib/operator/list-accounts";
import { listOpenInvoicesForOperator } from "@/lib/operator/list-open-invoices";
import { listOutboxEmails, retryOutboxEmail } from "@/lib/operator/email-outbox";
import { postInvoiceAsOperator } from "@/lib/operator/post-invoice-as-operator";
import { recordPaymentAsOperator } from "@/lib/operator/record-payment-as-operator";
import { suggestInvoiceNumber } from "@/lib/operator/suggest-invoice-number";
import { upgradeAccountToGeneration4 } from "@/lib/operator/upgrade-account";
import { getInvoiceForOperator, voidInvoiceAsOperator } from "@/lib/operator/void-invoice-as-operator";
import { asForgedOperator, createTestAccount, createTestInvoice, createTestOperator, createTestUser } from "../support/factories";
import { refusal } from "../support/refusal";

const now = new Date("2026-11-25T12:00:00Z");

const invoiceForm = (overrides: Record<string, unknown> = {}) => ({
  number: "OPS-1001",
  generation: "4",
  issueDate: "2026-11-01",
  dueDate: "2026-12-01",
  periodStart: "2026-10-01",
  periodEnd: "2026-10-31",
  taxRate: "19",
  lines: [
    { description: "Compute", quantity: "1", unitPrice: "0.05" },
    { description: "Storage", quantity: "1", unitPrice: "0.05" },
  ],
  ...overrides,
});

async function invoiceRow(id: string) {
  const [row] = await (await getDb()).select().from(invoices).where(eq(invoices.id, id));
  return row;
}

describe("operator: post an invoice", () => {
  it("computes totals with tax rounded per line through postInvoice and audits it as the provider", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount();
    // 5¢ at 10% is 0.5¢ of tax, rounded half away from zero per line to 1¢: three lines carry 3¢ of
    // tax, where rounding once on the 15¢ subtotal would have given 2¢ (1.5¢ → 2¢).
    const result = await postInvoiceAsOperator(
      operator,
      account.account.id,
      invoiceForm({ taxRate: "10", lines: [1, 2, 3].map((i) => ({ description: `Line ${i}`, quantity: "1", unitPrice: "0.05" })) }),
    );
    expect(await invoiceRow(result.id)).toMatchObject({ subtotalMinor: 15, taxMinor: 3, totalMinor: 18, status: "open", generation: 4 });
    const lines = await (await getDb()).select().from(invoiceLines).where(eq(invoiceLines.invoiceId, result.id));
    expect(lines.map((l) => [l.amountMinor, l.taxMinor, l.taxRateBp])).toEqual([
      [5, 1, 1000],
      [5, 1, 1000],
      [5, 1, 1000],
    ]);
    const fractional = await postInvoiceAsOperator(
      operator,
      account.account.id,
      invoiceForm({ number: "OPS-1002", lines: [{ description: "Backup", quantity: "3.5", unitPrice: "45.00" }] }),
    );
    // 3.5 × $45.00 = $157.50; 19% of it = $29.925 → $29.93.
    expect(await invoiceRow(fractional.id)).toMatchObject({ subtotalMinor: 15_750, taxMinor: 2_993, totalMinor: 18_743 });

    const [event] = await (
      await getDb()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.account.id), eq(auditEvents.targetId, result.id)));
    expect(event).toMatchObject({ action: "invoice.posted", actorKind: "operator", actorUserId: operator.userId });
    expect(event.actorLabel).toContain("Northwind Cloud");
  });

  it("returns field errors for bad input and a duplicate number", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount();
    const bad = await refusal(
      postInvoiceAsOperator(operator, account.account.id, invoiceForm({ dueDate: "2026-10-01", taxRate: "101", lines: [{ description: "", quantity: "-1", unitPrice: "1.005" }] })),
    );
    expect(bad.code).toBe("invalid");
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["dueDate", "lines.0.description", "lines.0.quantity", "taxRate"]);
    const decimals = await refusal(postInvoiceAsOperator(operator, account.account.id, invoiceForm({ lines: [{ description: "A", quantity: "1", unitPrice: "1.005" }] })));
    expect(decimals.fieldErrors["lines.0.unitPrice"]).toMatch(/2 decimal places/);
    await postInvoiceAsOperator(operator, account.account.id, invoiceForm({ number: "DUP-1" }));
    const dup = await refusal(postInvoiceAsOperator(operator, account.account.id, invoiceForm({ number: "DUP-1" })));
    expect(dup.fieldErrors.number).toMatch(/already exists/);
  });

  it("suggests the next invoice number", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount({ slug: "suggest-me" });
    expect(await suggestInvoiceNumber(operator, account.account.id)).toBe("SUGGEST-ME-1001");
    await createTestInvoice(account, { number: "SM-0099" });
    expect(await suggestInvoiceNumber(operator, account.account.id)).toBe("SM-0100");
  });
});

describe("operator: record a payment", () => {
  it("allocates oldest first by default and marks settled invoices paid", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount();
    const older = await createTestInvoice(account, { dueDate: "2026-10-15", issueDate: "2026-09-15" });
    const newer = await createTestInvoice(account, { dueDate: "2026-10-31" });
    expect((await listOpenInvoicesForOperator(operator, account.account.id)).map((i) => i.invoiceId)).toEqual([older.id, newer.id]);
    const result = await recordPaymentAsOperator(operator, account.account.id, {
      receivedOn: "2026-11-02",
      amount: "150.00",
      method: "bank_transfer",
      reference: "WIRE-1",
      allocationMode: "oldest_first",
      allocations: [],
    });
    expect(result.paymentId).toEqual(expect.any(String));
    expect(await invoiceRow(older.id)).toMatchObject({ paidMinor: 10_000, status: "paid" });
    expect(await invoiceRow(newer.id)).toMatchObject({ paidMinor: 5_000, status: "open" });
  });

  it("takes the operator's own allocation and refuses over-allocation", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount();
    const a = await createTestInvoice(account);
    const b = await createTestInvoice(account);
    const manual = (amount: string, allocations: { invoiceId: string; amount: string }[]) =>
      recordPaymentAsOperator(operator, account.account.id, { receivedOn: "2026-11-02", amount, method: "check", reference: "CHK-7", allocationMode: "manual", allocations });
    await expect(
      manual("30.00", [
        { invoiceId: a.id, amount: "" },
        { invoiceId: b.id, amount: "30" },
      ]),
    ).resolves.toMatchObject({ paymentId: expect.any(String) });
    expect(await invoiceRow(b.id)).toMatchObject({ paidMinor: 3_000 });
    const tooMuch = await refusal(
      manual("20.00", [
        { invoiceId: a.id, amount: "15" },
        { invoiceId: b.id, amount: "10" },
      ]),
    );
    expect(tooMuch.fieldErrors.allocations).toMatch(/more than the payment/);
    const overBalance = await refusal(manual("200.00", [{ invoiceId: b.id, amount: "80" }]));
    expect(overBalance.message).toMatch(/exceeds the balance/);
    expect(await invoiceRow(b.id)).toMatchObject({ paidMinor: 3_000, status: "open" });
  });

  it("refuses to allocate to another account's invoice", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount();
    const other = await createTestAccount();
    const foreign = await createTestInvoice(other);
    const result = await refusal(
      recordPaymentAsOperator(operator, account.account.id, {
        receivedOn: "2026-11-02",
        amount: "10",
        method: "check",
        reference: "X",
        allocationMode: "manual",
        allocations: [{ invoiceId: foreign.id, amount: "10" }],
      }),
    );
    expect(result.code).toBe("invalid");
    expect(await invoiceRow(foreign.id)).toMatchObject({ paidMinor: 0 });
  });
});

describe("operator: void, upgrade, outbox", () => {
  it("voids an open invoice with a reason, and not one of another account through this account's URL", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount();
    const other = await createTestAccount();
    const invoice = await createTestInvoice(account);
    const foreign = await createTestInvoice(other);
    await expect(voidInvoiceAsOperator(operator, account.account.id, foreign.id, { reason: "wrong" })).rejects.toMatchObject({ code: "not_found" });
    const noReason = await refusal(voidInvoiceAsOperator(operator, account.account.id, invoice.id, { reason: " " }));
    expect(noReason.fieldErrors.reason).toMatch(/reason/);
    await expect(voidInvoiceAsOperator(operator, account.account.id, invoice.id, { reason: "Duplicate of INV-9" })).resolves.toBeUndefined();
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "void", voidReason: "Duplicate of INV-9" });
    const again = await refusal(voidInvoiceAsOperator(operator, account.account.id, invoice.id, { reason: "again" }));
    expect(again.message).toMatch(/is void/);
  });

  it("upgrades an account to Generation 4 at the given instant, once", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount();
    expect(await upgradeAccountToGeneration4(operator, account.account.id, now)).toEqual({ upgradedAt: now });
    const [row] = await (await getDb()).select().from(accounts).where(eq(accounts.id, account.account.id));
    expect(row).toMatchObject({ invoiceGeneration: 4, upgradedAt: now });
    await expect(upgradeAccountToGeneration4(operator, account.account.id, now)).rejects.toMatchObject({ code: "conflict" });
    const events = await (
      await getDb()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.account.id), eq(auditEvents.action, "account.upgraded")));
    expect(events).toHaveLength(1);
    expect(events[0].actorKind).toBe("operator");
  });

  it("lists the outbox with errors and retries only a failed email", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount();
    const db = await getDb();
    const email = await enqueueEmail(db, {
      accountId: account.account.id,
      userId: null,
      to: "a@example.test",
      subject: "Invoice posted",
      html: "<p>x</p>",
      text: "x",
      idempotencyKey: `test:${account.account.id}`,
    });
    await db.update(emailOutbox).set({ status: "failed", attempts: 8, lastError: "422 invalid recipient" }).where(eq(emailOutbox.id, email!.id));
    const failed = await listOutboxEmails(operator, "failed");
    expect(failed.rows.find((r) => r.id === email!.id)).toMatchObject({ lastError: "422 invalid recipient", accountName: account.account.name });
    expect(failed.totals.failed).toBeGreaterThanOrEqual(1);
    await retryOutboxEmail(operator, email!.id, now);
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, email!.id));
    expect(row).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: now });
    await expect(retryOutboxEmail(operator, email!.id, now)).rejects.toMatchObject({ code: "conflict" });
  });

  it("shows an account's invoices, users and tickets on its page, and nothing for an unknown id", async () => {
    const operator = await createTestOperator();
    const account = await createTestAccount({ name: "Overview Co" });
    await createTestUser(account, ["billing_viewer"]);
    await createTestInvoice(account, { number: "OV-1" });
    const overview = await getAccountOverview(operator, account.account.id);
    expect(overview.invoices.map((i) => i.number)).toEqual(["OV-1"]);
    expect(overview.users[0].roles).toEqual(["Billing Viewer"]);
    await expect(getAccountOverview(operator, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    await expect(getAccountOverview(operator, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    expect((await listAccountsForOperator(operator, "overview")).map((a) => a.name)).toContain("Overview Co");
    const { user } = await createTestUser(account, ["member"], `findme-${account.account.slug}@example.test`);
    expect((await listAccountsForOperator(operator, user.email.slice(0, 14))).map((a) => a.id)).toEqual([account.account.id]);
  });
});

describe("operator functions refuse anyone who is not an operator", () => {
  it("gives a customer, even an administrator, not_found on every operator function and changes nothing", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["account_admin"]);
    const forged = asForgedOperator(viewer);
    const invoice = await createTestInvoice(account);
    const id = account.account.id;
    const attempts: (() => Promise<unknown>)[] = [
      () => listAccountsForOperator(forged),
      () => getAccountOverview(forged, id),
      () => listOpenInvoicesForOperator(forged, id),
      () => suggestInvoiceNumber(forged, id),
      () => postInvoiceAsOperator(forged, id, invoiceForm()),
      () => recordPaymentAsOperator(forged, id, { receivedOn: "2026-11-02", amount: "1", method: "check", reference: "x", allocationMode: "oldest_first", allocations: [] }),
      () => getInvoiceForOperator(forged, id, invoice.id),
      () => voidInvoiceAsOperator(forged, id, invoice.id, { reason: "nope" }),
      () => upgradeAccountToGeneration4(forged, id, now),
      () => listOutboxEmails(forged, null),
      () => retryOutboxEmail(forged, invoice.id, now),
    ];
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(404);
    }
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "open", paidMinor: 0 });
  });
});
