import { describe, expect, it } from "vitest";
import { ingestInvoiceSchema, ingestPaymentSchema } from "@/lib/ingest/ingest-schemas";
import { canonicalJson, requestHash } from "@/lib/ingest/request-hash";
import { percentToBasisPoints } from "@/lib/invoices/invoice-input";
import { nextStatuses } from "@/lib/support/ticket-labels";
import { issuesOf } from "@/lib/validation";

const invoice = {
  account: "acme",
  number: "ACME-2001",
  currency: "USD",
  issueDate: "2026-11-01",
  dueDate: "2026-12-01",
  servicePeriod: { start: "2026-10-01", end: "2026-10-31" },
  taxRateBp: 2000,
  lines: [{ description: "Hosting", quantity: "1.5", unitPriceMinor: 1000 }],
};

describe("ingest request bodies", () => {
  it("accepts a valid invoice and reads numeric quantities as text", () => {
    const parsed = ingestInvoiceSchema.parse({ ...invoice, lines: [{ description: "A", quantity: 2, unitPriceMinor: 5 }] });
    expect(parsed.lines[0].quantity).toBe("2");
  });

  it("names every invalid field by its path", () => {
    const result = ingestInvoiceSchema.safeParse({ ...invoice, currency: "usd", lines: [{ description: "A", quantity: "1", unitPriceMinor: 10.5, unitPrice: 3 }] });
    expect(result.success).toBe(false);
    const issues = issuesOf(result.error!);
    expect(issues.map((i) => i.path)).toEqual(["currency", "lines.0.unitPriceMinor", "lines.0"]);
    expect(issues.find((i) => i.path === "lines.0.unitPriceMinor")?.message).toMatch(/minor units/);
    expect(issues.find((i) => i.path === "lines.0")?.message).toMatch(/unitPrice/);
  });

  it("checks the dates against each other once the fields are valid", () => {
    const result = ingestInvoiceSchema.safeParse({ ...invoice, dueDate: "2026-10-01", servicePeriod: { start: "2026-10-31", end: "2026-10-01" } });
    expect(issuesOf(result.error!).map((i) => i.path)).toEqual(["dueDate", "servicePeriod.end"]);
  });

  it("refuses payment allocations that exceed the payment or repeat an invoice", () => {
    const result = ingestPaymentSchema.safeParse({
      account: "acme",
      receivedOn: "2026-11-02",
      amountMinor: 100,
      currency: "USD",
      method: "bank_transfer",
      reference: "WIRE-1",
      allocations: [
        { invoiceNumber: "A-1", amountMinor: 80 },
        { invoiceNumber: "A-1", amountMinor: 30 },
      ],
    });
    expect(issuesOf(result.error!).map((i) => i.path)).toEqual(["allocations.1.invoiceNumber", "allocations"]);
  });

  it("hashes the same JSON the same however its keys are ordered", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(requestHash("POST /x", { a: 1, b: 2 })).toBe(requestHash("POST /x", { b: 2, a: 1 }));
    expect(requestHash("POST /x", { a: 1 })).not.toBe(requestHash("POST /y", { a: 1 }));
    expect(requestHash("POST /x", { a: 1 })).not.toBe(requestHash("POST /x", { a: 2 }));
  });
});

describe("form helpers", () => {
  it("reads a tax percentage into basis points", () => {
    expect(percentToBasisPoints("19")).toBe(1900);
    expect(percentToBasisPoints("7.5")).toBe(750);
    expect(percentToBasisPoints("7.25")).toBe(725);
  });

  it("moves tickets forward only", () => {
    expect(nextStatuses("open")).toEqual(["in_progress", "resolved", "closed"]);
    expect(nextStatuses("resolved")).toEqual(["closed"]);
    expect(nextStatuses("closed")).toEqual([]);
  });
});
