import { describe, expect, it, vi } from "vitest";
import { addDays, addMonths, daysBetween, isoDateInZone, isIsoDate } from "@/lib/dates";
import { decimalStringToMinor, formatMoney, minorToDecimalString, minorUnitDigits } from "@/lib/money";
import { clientIpFrom } from "@/lib/auth/client-ip";

describe("money", () => {
  it("knows each currency's minor unit digits", () => {
    expect([minorUnitDigits("USD"), minorUnitDigits("JPY"), minorUnitDigits("BHD")]).toEqual([2, 0, 3]);
  });

  it("converts minor units to exact decimal strings", () => {
    expect(minorToDecimalString(123450, "USD")).toBe("1234.50");
    expect(minorToDecimalString(5, "USD")).toBe("0.05");
    expect(minorToDecimalString(-5, "USD")).toBe("-0.05");
    expect(minorToDecimalString(0, "USD")).toBe("0.00");
    expect(minorToDecimalString(1500, "JPY")).toBe("1500");
    expect(minorToDecimalString(1234, "BHD")).toBe("1.234");
  });

  it("parses decimals back and refuses extra precision", () => {
    expect(decimalStringToMinor("1234.5", "USD")).toBe(123450);
    expect(decimalStringToMinor("7", "JPY")).toBe(7);
    expect(() => decimalStringToMinor("1.234", "USD")).toThrow();
    expect(() => decimalStringToMinor("1e3", "USD")).toThrow();
  });

  it("formats in the account's locale", () => {
    expect(formatMoney(125000, "USD", "en-US")).toBe("$1,250.00");
    expect(formatMoney(125000, "EUR", "de-DE").replace(/\s/g, " ")).toBe("1.250,00 €");
  });
});

describe("dates", () => {
  it("takes the calendar day in the given zone", () => {
    const instant = new Date("2026-11-25T03:30:00Z");
    expect(isoDateInZone(instant, "UTC")).toBe("2026-11-25");
    expect(isoDateInZone(instant, "America/New_York")).toBe("2026-11-24");
  });

  it("counts calendar days across DST changes without drift", () => {
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(daysBetween("2026-10-31", "2026-11-02")).toBe(2);
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
  });

  it("adds months clamping to the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-01", -12)).toBe("2025-11-01");
  });

  it("validates ISO dates", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
  });
});

describe("clientIpFrom", () => {
  it("trusts only the hop appended by the server, not what the client wrote", () => {
    // Behind one trusted proxy (without one the header is ignored: tests/security/client-ip.test.ts).
    vi.stubEnv("TRUSTED_PROXY_COUNT", "1");
    expect(clientIpFrom("6.6.6.6, 10.0.0.7")).toBe("10.0.0.7");
    expect(clientIpFrom(null, "10.1.1.1")).toBe("10.1.1.1");
    vi.unstubAllEnvs();
  });
});
