import { describe, expect, it } from "vitest";
import { allocateOldestFirst } from "@/lib/payments/allocate-oldest-first";

const open = [
  { invoiceId: "c", number: "INV-3", issueDate: "2026-03-01", dueDate: "2026-03-31", balanceMinor: 300 },
  { invoiceId: "a", number: "INV-1", issueDate: "2026-01-01", dueDate: "2026-01-31", balanceMinor: 100 },
  { invoiceId: "b", number: "INV-2", issueDate: "2026-02-01", dueDate: "2026-01-31", balanceMinor: 200 },
];

describe("oldest-first allocation", () => {
  it("settles the earliest due invoices first, then by issue date", () => {
    expect(allocateOldestFirst(open, 250)).toEqual([
      { invoiceId: "a", amountMinor: 100 },
      { invoiceId: "b", amountMinor: 150 },
    ]);
  });

  it("never allocates more than an invoice's balance and leaves the rest unallocated", () => {
    expect(allocateOldestFirst(open, 1000)).toEqual([
      { invoiceId: "a", amountMinor: 100 },
      { invoiceId: "b", amountMinor: 200 },
      { invoiceId: "c", amountMinor: 300 },
    ]);
  });

  it("allocates nothing for a zero or negative amount", () => {
    expect(allocateOldestFirst(open, 0)).toEqual([]);
    expect(allocateOldestFirst(open, -5)).toEqual([]);
  });

  it("breaks a tie of due and issue dates by invoice number, and skips invoices with nothing to pay", () => {
    const tied = [
      { invoiceId: "y", number: "INV-20", issueDate: "2026-01-01", dueDate: "2026-01-31", balanceMinor: 50 },
      { invoiceId: "z", number: "INV-05", issueDate: "2026-01-01", dueDate: "2026-01-31", balanceMinor: 0 },
      { invoiceId: "x", number: "INV-10", issueDate: "2026-01-01", dueDate: "2026-01-31", balanceMinor: 50 },
    ];
    expect(allocateOldestFirst(tied, 60)).toEqual([
      { invoiceId: "x", amountMinor: 50 },
      { invoiceId: "y", amountMinor: 10 },
    ]);
  });

  it("allocates only whole minor units of a fractional amount, and leaves its input in order", () => {
    const input = [...open];
    expect(allocateOldestFirst(input, 100.9)).toEqual([{ invoiceId: "a", amountMinor: 100 }]);
    expect(input).toEqual(open);
    expect(input.map((i) => i.invoiceId)).toEqual(["c", "a", "b"]);
  });
});
