// Invoice arithmetic, done once when an invoice is posted. Pure and exact (BigInt, no floats).
//
// Rounding rule: each line's amount = quantity × unit price, rounded half away from zero to the
// minor unit; each line's tax = amount × rate, rounded the same way; the invoice's tax is the sum
// of the lines' taxes and its total is subtotal + tax. So a printed invoice always adds up.

import { MAX_AMOUNT_MINOR } from "@/lib/money";

export type LineInput = { quantity: string | number; unitPriceMinor: number; taxRateBp: number };
export type LineTotals = { quantity: string; amountMinor: number; taxMinor: number };

const QUANTITY_SCALE = 10_000n; // quantities carry up to 4 decimals

function parseQuantity(quantity: string | number): bigint {
  const text = typeof quantity === "number" ? String(quantity) : quantity.trim();
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text);
  if (!match) throw new RangeError(`Quantity must be a non-negative number with at most 4 decimals: ${text}`);
  return BigInt(match[1]) * QUANTITY_SCALE + BigInt((match[2] ?? "").padEnd(4, "0"));
}

// a / b rounded half away from zero, for b > 0.
function divRound(a: bigint, b: bigint): bigint {
  const sign = a < 0n ? -1n : 1n;
  const abs = a < 0n ? -a : a;
  return sign * ((abs * 2n + b) / (2n * b));
}

// An amount above MAX_AMOUNT_MINOR, with the field it comes from ("lines.0.quantity", "lines").
export class AmountLimitError extends RangeError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "AmountLimitError";
  }
}

const MAX = BigInt(MAX_AMOUNT_MINOR);

function checkLimit(amount: bigint, path: string, message: string): number {
  if (amount > MAX || amount < -MAX) throw new AmountLimitError(path, message);
  return Number(amount);
}

// One line's figures; throws AmountLimitError (path `lines.<index>.…`) past the maximum amount.
export function computeLine(line: LineInput, index = 0): LineTotals {
  if (!Number.isSafeInteger(line.unitPriceMinor)) throw new RangeError("Unit price must be whole minor units");
  checkLimit(BigInt(line.unitPriceMinor), `lines.${index}.unitPriceMinor`, `The unit price is above the maximum amount (${MAX_AMOUNT_MINOR} minor units)`);
  if (!Number.isInteger(line.taxRateBp) || line.taxRateBp < 0 || line.taxRateBp > 10_000) throw new RangeError("Tax rate must be 0–100%");
  const qty = parseQuantity(line.quantity);
  const amount = divRound(qty * BigInt(line.unitPriceMinor), QUANTITY_SCALE);
  const tax = divRound(amount * BigInt(line.taxRateBp), 10_000n);
  const whole = qty / QUANTITY_SCALE;
  const frac = (qty % QUANTITY_SCALE).toString().padStart(4, "0").replace(/0+$/, "");
  const over = `Quantity × unit price is above the maximum amount (${MAX_AMOUNT_MINOR} minor units)`;
  return {
    quantity: frac ? `${whole}.${frac}` : String(whole),
    amountMinor: checkLimit(amount, `lines.${index}.quantity`, over),
    taxMinor: checkLimit(tax, `lines.${index}.quantity`, over),
  };
}

// The invoice's figures; throws AmountLimitError when a line or the total passes the maximum amount.
export function computeInvoiceTotals(lines: LineInput[]) {
  const computed = lines.map((line, i) => computeLine(line, i));
  const sum = (pick: (l: LineTotals) => number) => computed.reduce((total, l) => total + BigInt(pick(l)), 0n);
  const subtotal = sum((l) => l.amountMinor);
  const tax = sum((l) => l.taxMinor);
  const over = `The invoice total is above the maximum amount (${MAX_AMOUNT_MINOR} minor units)`;
  return {
    lines: computed,
    subtotalMinor: checkLimit(subtotal, "lines", over),
    taxMinor: checkLimit(tax, "lines", over),
    totalMinor: checkLimit(subtotal + tax, "lines", over),
  };
}
