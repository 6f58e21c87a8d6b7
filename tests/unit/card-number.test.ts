import { describe, expect, it } from "vitest";
import { cardBrand, cardDigits, cvcLength, luhnValid } from "@/lib/payments/card-number";

describe("luhnValid", () => {
  it.each(["4242424242424242", "4111111111111111", "5555555555554444", "378282246310005", "6011111111111117", "3530111333300000", "2223003122003222", "79927398713"])(
    "accepts the valid number %s",
    (n) => expect(luhnValid(n)).toBe(true),
  );

  it.each(["4242424242424241", "4111111111111112", "378282246310006", "79927398710", "1234567812345678"])("rejects %s, whose check digit is wrong", (n) =>
    expect(luhnValid(n)).toBe(false),
  );

  it("catches a single mistyped digit and two swapped neighbours", () => {
    expect(luhnValid("4242424242424252")).toBe(false);
    expect(luhnValid("2424424242424242")).toBe(false);
  });

  it("rejects anything but digits", () => {
    expect(luhnValid("")).toBe(false);
    expect(luhnValid("4242 4242 4242 4242")).toBe(false);
    expect(luhnValid("424242424242424a")).toBe(false);
  });
});

describe("cardDigits", () => {
  it("drops the spaces and dashes people type between groups", () => {
    expect(cardDigits(" 4242 4242-4242 4242 ")).toBe("4242424242424242");
  });
});

describe("cardBrand", () => {
  it.each([
    ["4242424242424242", "Visa"],
    ["5555555555554444", "Mastercard"],
    ["2223003122003222", "Mastercard"],
    ["378282246310005", "Amex"],
    ["341111111111111", "Amex"],
    ["6011111111111117", "Discover"],
    ["6500000000000002", "Discover"],
    ["3530111333300000", "JCB"],
    ["36227206271667", "Diners Club"],
    ["6200000000000005", "UnionPay"],
    ["9999999999999995", "Card"],
  ])("reads %s as %s from its leading digits", (n, brand) => expect(cardBrand(n)).toBe(brand));

  it("asks for a 4-digit security code on Amex only", () => {
    expect(cvcLength("Amex")).toBe(4);
    expect(cvcLength("Visa")).toBe(3);
  });
});
