import "server-only";
import { randomBytes } from "node:crypto";
import { cardBrand, type CardBrand } from "./card-number";

export type TokenizedCard = { brand: CardBrand; last4: string; processorToken: string };

// Reduces a card number to what may be kept: brand, last four digits and an opaque token (R-M1).
// Stands in for the payment processor's tokenisation; the number goes no further than this call.
export function tokenizeCard(digits: string): TokenizedCard {
  return { brand: cardBrand(digits), last4: digits.slice(-4), processorToken: `tok_${randomBytes(18).toString("base64url")}` };
}
