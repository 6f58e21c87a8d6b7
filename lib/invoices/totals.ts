// Invoice arithmetic, done once when an invoice is posted. Pure and exact (BigInt, no floats).
//
// Rounding rule: each line's amount = quantity × unit price, rounded half away from zero to the
// minor unit; each line's tax = amount × rate, rounded the same way; the invoice's tax is the sum
// of the lines' taxes and its total is subtotal + tax. So a printed invoice always adds up.

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

export function computeLine(line: LineInput): LineTotals {
  if (!Number.isSafeInteger(line.unitPriceMinor)) throw new RangeError("Unit price must be whole minor units");
  if (!Number.isInteger(line.taxRateBp) || line.taxRateBp < 0 || line.taxRateBp > 10_000) throw new RangeError("Tax rate must be 0–100%");
  const qty = parseQuantity(line.quantity);
  const amount = divRound(qty * BigInt(line.unitPriceMinor), QUANTITY_SCALE);
  const tax = divRound(amount * BigInt(line.taxRateBp), 10_000n);
  const whole = qty / QUANTITY_SCALE;
  const frac = (qty % QUANTITY_SCALE).toString().padStart(4, "0").replace(/0+$/, "");
  return { quantity: frac ? `${whole}.${frac}` : String(whole), amountMinor: Number(amount), taxMinor: Number(tax) };
}

export function computeInvoiceTotals(lines: LineInput[]) {
  const computed = lines.map(computeLine);
  const subtotalMinor = computed.reduce((sum, l) => sum + l.amountMinor, 0);
  const taxMinor = computed.reduce((sum, l) => sum + l.taxMinor, 0);
  return { lines: computed, subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor };
}
