// Card number checks. Pure, and deliberately free of logging: a number passed here must never
// end up anywhere but in the caller's local variable.

// Digits only: people type spaces and dashes between groups.
export function cardDigits(input: string): string {
  return input.replace(/[\s-]/g, "");
}

// The Luhn (mod 10) checksum every payment card number carries.
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type CardBrand = "Visa" | "Mastercard" | "Amex" | "Discover" | "Diners Club" | "JCB" | "UnionPay" | "Card";

function inRange(digits: string, length: number, from: number, to: number): boolean {
  const prefix = Number(digits.slice(0, length));
  return digits.length >= length && prefix >= from && prefix <= to;
}

// The brand from the issuer identification number (the leading digits); "Card" when unknown.
export function cardBrand(digits: string): CardBrand {
  if (/^3[47]/.test(digits)) return "Amex";
  if (inRange(digits, 2, 51, 55) || inRange(digits, 4, 2221, 2720)) return "Mastercard";
  if (/^4/.test(digits)) return "Visa";
  if (/^(6011|65)/.test(digits) || inRange(digits, 3, 644, 649) || inRange(digits, 6, 622126, 622925)) return "Discover";
  if (inRange(digits, 4, 3528, 3589)) return "JCB";
  if (/^(36|38|39)/.test(digits) || inRange(digits, 3, 300, 305)) return "Diners Club";
  if (/^62/.test(digits)) return "UnionPay";
  return "Card";
}

// Digits a card's security code has: four on American Express, three elsewhere.
export function cvcLength(brand: CardBrand): number {
  return brand === "Amex" ? 4 : 3;
}
