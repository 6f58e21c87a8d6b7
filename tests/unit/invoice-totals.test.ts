import { describe, expect, it } from "vitest";
import { computeInvoiceTotals, computeLine } from "@/lib/invoices/totals";

describe("invoice totals", () => {
  it("multiplies fractional quantities exactly and rounds half away from zero", () => {
    expect(computeLine({ quantity: "3.5", unitPriceMinor: 4500, taxRateBp: 0 }).amountMinor).toBe(15750);
    expect(computeLine({ quantity: "0.3333", unitPriceMinor: 3, taxRateBp: 0 }).amountMinor).toBe(1);
    expect(computeLine({ quantity: "0.5", unitPriceMinor: 1, taxRateBp: 0 }).amountMinor).toBe(1);
  });

  it("rounds tax per line, so the printed lines add up to the total", () => {
    const totals = computeInvoiceTotals([
      { quantity: "1", unitPriceMinor: 105, taxRateBp: 1000 }, // tax 10.5 → 11
      { quantity: "1", unitPriceMinor: 105, taxRateBp: 1000 }, // tax 10.5 → 11
    ]);
    expect(totals.taxMinor).toBe(22);
    expect(totals.totalMinor).toBe(totals.subtotalMinor + totals.taxMinor);
  });

  it("normalises the stored quantity", () => {
    expect(computeLine({ quantity: "2.5000", unitPriceMinor: 100, taxRateBp: 0 }).quantity).toBe("2.5");
  });

  it("refuses bad quantities and tax rates", () => {
    expect(() => computeLine({ quantity: "-1", unitPriceMinor: 1, taxRateBp: 0 })).toThrow();
    expect(() => computeLine({ quantity: "1.00001", unitPriceMinor: 1, taxRateBp: 0 })).toThrow();
    expect(() => computeLine({ quantity: "1", unitPriceMinor: 1, taxRateBp: 10001 })).toThrow();
  });
});
