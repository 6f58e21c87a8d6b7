import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { NON_TWO_DIGIT_CURRENCIES } from "./currency-digits";

// Note: a sum of minor units over an account can pass 2^53 (MAX_AMOUNT_MINOR in lib/money.ts
// bounds each amount, not how many there are). PostgreSQL sums bigints as exact numerics; the
// text of that travels to a BigInt, never through a float. 0 when nothing matches.
export function sumMinor(amount: SQL): SQL<bigint> {
  return sql<bigint>`coalesce(sum(${amount}), 0)::text`.mapWith(BigInt);
}

// The same sum over the rows matching `filter` (e.g. only open invoices).
export function sumMinorWhere(amount: SQL, filter: SQL): SQL<bigint> {
  return sql<bigint>`coalesce(sum(${amount}) filter (where ${filter}), 0)::text`.mapWith(BigInt);
}

// minorToDecimalString (lib/money.ts) in SQL, for the CSV export PostgreSQL writes itself:
// bigint × 0.01 is a numeric with exactly 2 decimals ("1234.50", "-0.05"; × 1 for JPY gives
// "1500"), and numeric's text is exact, never rounded nor in exponent form.
export function minorToDecimalSql(minor: SQLWrapper, currency: SQLWrapper): SQL {
  return sql`(${minor} * ${minorUnitSql(currency)})`;
}

const UNIT_OF_DIGITS: Record<0 | 3 | 4, string> = { 0: "1::numeric", 3: "0.001", 4: "0.0001" };

// One numeric per minor unit digit count; the currency codes are fixed [A-Z]{3} constants. The
// longest list comes first: PostgreSQL hashes an IN list of 9 or more constants, so a 2-digit
// currency costs one lookup and a few comparisons per amount.
function minorUnitSql(currency: SQLWrapper): SQL {
  const branches = ([0, 3, 4] as const).map(
    (digits) => sql`when ${currency} in (${sql.raw(NON_TWO_DIGIT_CURRENCIES[digits].map((code) => `'${code}'`).join(", "))}) then ${sql.raw(UNIT_OF_DIGITS[digits])}`,
  );
  return sql`(case ${sql.join(branches, sql` `)} else 0.01 end)`;
}
