import { describe, expect, it } from "vitest";
import { NON_TWO_DIGIT_CURRENCIES } from "@/lib/currency-digits";
import { minorUnitDigits } from "@/lib/money";

describe("NON_TWO_DIGIT_CURRENCIES", () => {
  it("is exactly what ICU says for every three-letter code", () => {
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const byDigits: Record<number, string[]> = {};
    for (const a of letters)
      for (const b of letters)
        for (const c of letters) {
          const code = a + b + c;
          const digits = minorUnitDigits(code);
          if (digits !== 2) (byDigits[digits] ??= []).push(code);
        }
    expect(byDigits).toEqual(NON_TWO_DIGIT_CURRENCIES);
  });
});
