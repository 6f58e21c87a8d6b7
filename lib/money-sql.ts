import { sql, type SQL } from "drizzle-orm";

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
