import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { createTestAccount, createTestInvoice, createTestPayment } from "../support/factories";

describe("posting and paying invoices", () => {
  it("stores totals computed from the lines", async () => {
    const account = await createTestAccount();
    const invoice = await createTestInvoice(account, {
      lines: [
        { description: "A", quantity: "2", unitPriceMinor: 1050, taxRateBp: 2000 },
        { description: "B", quantity: "1.5", unitPriceMinor: 333, taxRateBp: 2000 },
      ],
    });
    expect(invoice).toMatchObject({ subtotalMinor: 2600, taxMinor: 520, totalMinor: 3120, status: "open" });
  });

  it("refuses a duplicate invoice number in the same account, allows it in another", async () => {
    const a = await createTestAccount();
    const b = await createTestAccount();
    await createTestInvoice(a, { number: "INV-1" });
    await expect(createTestInvoice(a, { number: "INV-1" })).rejects.toThrow(/already exists/);
    await expect(createTestInvoice(b, { number: "INV-1" })).resolves.toBeTruthy();
  });

  it("marks an invoice paid when allocations reach its total, and refuses over-allocation", async () => {
    const account = await createTestAccount();
    const invoice = await createTestInvoice(account);
    await createTestPayment(account, { amountMinor: 4000, allocations: [{ invoiceId: invoice.id, amountMinor: 4000 }] });
    await expect(createTestPayment(account, { amountMinor: 7000, allocations: [{ invoiceId: invoice.id, amountMinor: 7000 }] })).rejects.toThrow(/exceeds the balance/);
    await createTestPayment(account, { amountMinor: 6000, allocations: [{ invoiceId: invoice.id, amountMinor: 6000 }] });
    const [row] = await (await getDb()).select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(row).toMatchObject({ paidMinor: 10000, status: "paid" });
  });

  it("refuses to allocate a payment to another account's invoice", async () => {
    const a = await createTestAccount();
    const b = await createTestAccount();
    const foreign = await createTestInvoice(b);
    await expect(createTestPayment(a, { amountMinor: 100, allocations: [{ invoiceId: foreign.id, amountMinor: 100 }] })).rejects.toThrow(/not found/);
  });
});
