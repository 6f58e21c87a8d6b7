import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { FORMULA_TRIGGERS } from "./csv-cells";

// neutraliseText (./csv-cells) in SQL, for the CSV export PostgreSQL writes itself (COPY), so
// both exports neutralise by one list of triggers. NUL is left out: PostgreSQL text cannot hold it.
// An empty text becomes NULL, which COPY writes as an empty cell, as csv-stringify writes "";
// COPY would write an empty string as "".
const TRIGGERS = sql.join(
  [...FORMULA_TRIGGERS].filter((c) => c !== "\0").map((c) => sql`${c}`),
  sql`, `,
);

// Note: `value` appears three times. An expensive one (a subquery) is neutralised where it is
// computed once instead (lib/invoices/list-export-sql.ts), and isNeutralisedSql says so.
const neutralised = new WeakSet<SQL>();

export function neutralisedTextSql(value: SQLWrapper): SQL {
  const cell = sql`nullif(case when left(${value}, 1) in (${TRIGGERS}) then '''' || ${value} else ${value} end, '')`;
  neutralised.add(cell);
  return cell;
}

export function isNeutralisedSql(cell: SQL): boolean {
  return neutralised.has(cell);
}
