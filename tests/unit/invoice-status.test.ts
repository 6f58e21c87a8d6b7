import { describe, expect, it } from "vitest";
import { daysPastDue, invoiceDisplayStatus } from "@/lib/invoices/invoice-status";
import { paymentMethodLabel } from "@/lib/payments/method-label";

describe("invoice status in words", () => {
  it("is past due only when open after its due day, counted in calendar days", () => {
    const open = { status: "open" as const, dueDate: "2026-11-20" };
    expect(invoiceDisplayStatus(open, "2026-11-20")).toBe("open");
    expect(daysPastDue(open, "2026-11-20")).toBe(0);
    expect(invoiceDisplayStatus(open, "2026-11-21")).toBe("past_due");
    expect(daysPastDue(open, "2026-11-21")).toBe(1);
    // Across the March DST change the count stays in whole days.
    expect(daysPastDue({ status: "open", dueDate: "2026-03-07" }, "2026-03-09")).toBe(2);
  });

  it("never calls a paid or void invoice past due", () => {
    expect(invoiceDisplayStatus({ status: "paid", dueDate: "2020-01-01" }, "2026-11-25")).toBe("paid");
    expect(daysPastDue({ status: "void", dueDate: "2020-01-01" }, "2026-11-25")).toBe(0);
  });
});

describe("payment method labels", () => {
  it("show card brand and last four, or the method in words", () => {
    expect(paymentMethodLabel({ method: "card", cardBrand: "Visa", cardLast4: "4242" })).toBe("Visa •••• 4242");
    expect(paymentMethodLabel({ method: "card", cardBrand: null, cardLast4: null })).toBe("Card");
    expect(paymentMethodLabel({ method: "bank_transfer", cardBrand: null, cardLast4: null })).toBe("Bank transfer");
  });
});
