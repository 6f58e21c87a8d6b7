// Money is integer minor units plus an ISO 4217 code; these helpers are the only place it is converted.

// Note: the largest amount the portal accepts anywhere (a unit price, a line's quantity × unit
// price, an invoice total, a payment, an allocation): 13 digits of minor units. JavaScript adds
// at most 500 of them (an invoice's lines, a payment's allocations), which stays below 2^53, so
// every per-invoice figure is an exact `number`. Sums over an account can be larger and come
// from SQL as exact bigints (lib/money-sql.ts), formatted below without a float.
export const MAX_AMOUNT_MINOR = 9_999_999_999_999;

// An amount in minor units: a number for one invoice's or payment's figures, a bigint for sums.
export type Minor = number | bigint;

const digitsCache = new Map<string, number>();

// Number of minor-unit digits of a currency (USD 2, JPY 0, BHD 3), from the runtime's ICU data.
export function minorUnitDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

// "1234.50" from 123450 USD: exact string arithmetic, no floating point.
export function minorToDecimalString(minor: Minor, currency: string): string {
  if (typeof minor === "number" && !Number.isSafeInteger(minor)) throw new RangeError(`Not an integer amount of minor units: ${minor}`);
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = String(minor < 0 ? -minor : minor);
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

// Parses "1234.5" into minor units (123450 for USD); rejects more decimals than the currency has.
export function decimalStringToMinor(value: string, currency: string): number {
  const digits = minorUnitDigits(currency);
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!match) throw new RangeError(`Not a decimal amount: ${value}`);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > digits) throw new RangeError(`${currency} has ${digits} decimal places`);
  const minor = Number(whole + fraction.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT_MINOR) throw new RangeError(`At most ${minorToDecimalString(MAX_AMOUNT_MINOR, currency)}`);
  return sign ? -minor : minor;
}

// Display form in the account's locale and currency, e.g. "$1,250.00" or "1.250,00 €". Intl
// formats the decimal string exactly (a string is not rounded to a double), so large sums stay exact.
// One formatter per locale and currency: building one costs far more than formatting with it, and
// a reminder sweep formats amounts for thousands of rows.
const moneyFormats = new Map<string, Intl.NumberFormat>();
export function formatMoney(minor: Minor, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    moneyFormats.set(key, format);
  }
  return format.format(minorToDecimalString(minor, currency) as Intl.StringNumericLiteral);
}
