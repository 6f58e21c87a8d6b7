import { describe, expect, it } from "vitest";
import { cardExpiry } from "@/lib/payments/card-expiry";
import { addCardSchema } from "@/lib/payments/card-schema";

const NY = "America/New_York";

describe("cardExpiry", () => {
  it("is valid to the end of the expiry month", () => {
    expect(cardExpiry({ expMonth: 11, expYear: 2026 }, new Date("2026-11-30T12:00:00Z"), "UTC")).toEqual({ state: "expires_soon", lastValidDay: "2026-11-30", daysLeft: 1 });
    expect(cardExpiry({ expMonth: 11, expYear: 2026 }, new Date("2026-12-01T00:00:00Z"), "UTC").state).toBe("expired");
  });

  it("expires soon within the last 30 days, not on the 31st day before", () => {
    const december = { expMonth: 12, expYear: 2026 };
    expect(cardExpiry(december, new Date("2026-12-01T12:00:00Z"), "UTC")).toMatchObject({ state: "valid", daysLeft: 31 });
    expect(cardExpiry(december, new Date("2026-12-02T12:00:00Z"), "UTC")).toMatchObject({ state: "expires_soon", daysLeft: 30 });
    const february = { expMonth: 2, expYear: 2027 };
    expect(cardExpiry(february, new Date("2027-01-29T12:00:00Z"), "UTC")).toMatchObject({ state: "valid", daysLeft: 31 });
    expect(cardExpiry(february, new Date("2027-01-30T12:00:00Z"), "UTC")).toMatchObject({ state: "expires_soon", daysLeft: 30 });
  });

  it("uses the account's time zone: still valid in New York when it is already next month in UTC", () => {
    const instant = new Date("2026-12-01T03:00:00Z"); // 22:00 on Nov 30 in New York
    expect(cardExpiry({ expMonth: 11, expYear: 2026 }, instant, "UTC").state).toBe("expired");
    expect(cardExpiry({ expMonth: 11, expYear: 2026 }, instant, NY)).toMatchObject({ state: "expires_soon", daysLeft: 1 });
  });

  it("handles February in a leap year", () => {
    expect(cardExpiry({ expMonth: 2, expYear: 2028 }, new Date("2028-02-29T12:00:00Z"), "UTC")).toMatchObject({ lastValidDay: "2028-02-29", daysLeft: 1 });
  });

  it("calls a card expired once its month has passed", () => {
    expect(cardExpiry({ expMonth: 6, expYear: 2025 }, new Date("2026-11-25T12:00:00Z"), "UTC").state).toBe("expired");
  });
});

describe("addCardSchema", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  const valid = { holderName: " Ada Admin ", number: "4242 4242 4242 4242", expMonth: "11", expYear: "2026", cvc: "123" };

  it("accepts a card in its expiry month and drops the CVC from the output", () => {
    const card = addCardSchema(now, "UTC").parse(valid);
    expect(card).toEqual({ holderName: "Ada Admin", number: "4242424242424242", expMonth: 11, expYear: 2026, makeDefault: false });
    expect(card).not.toHaveProperty("cvc");
  });

  it("refuses last month's expiry, a Luhn failure and a short Amex code, without echoing the number", () => {
    const schema = addCardSchema(now, "UTC");
    const expired = schema.safeParse({ ...valid, expMonth: "10" });
    expect(expired.error?.issues.map((i) => i.path.join("."))).toEqual(["expYear"]);
    const luhn = schema.safeParse({ ...valid, number: "4242424242424241" });
    expect(luhn.error?.issues.map((i) => i.message)).toEqual(["That card number is not valid. Check it and try again."]);
    expect(JSON.stringify(luhn.error)).not.toContain("4242424242424241");
    const amex = schema.safeParse({ ...valid, number: "378282246310005", cvc: "123" });
    expect(amex.error?.issues.map((i) => i.path.join("."))).toEqual(["cvc"]);
  });

  it("reads two-digit years as 20xx", () => {
    expect(addCardSchema(now, "UTC").parse({ ...valid, expYear: "29" }).expYear).toBe(2029);
  });
});
