// COPY takes no bind parameters, so a query built with drizzle (`toSQL()`: text with $1..$n and
// their values) is turned into one statement with the values written as literals.
// Note: strings become E'…' literals with backslashes and quotes escaped, which read the same
// whatever standard_conforming_strings says; anything that is not a plain scalar is refused.

function literal(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "'true'" : "'false'";
  if (typeof value === "bigint") return `'${value}'`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot inline ${value}`);
    return `'${value}'`;
  }
  if (typeof value === "string") {
    if (value.includes("\0")) throw new TypeError("Cannot inline a NUL character");
    return `E'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
  }
  if (value instanceof Date) return `'${value.toISOString()}'`;
  throw new TypeError(`Cannot inline a ${typeof value}`);
}

// Every value is written quoted ('5', 'true'): an untyped literal takes the type its context asks
// for, exactly as node-postgres's untyped text parameter would have.
export function inlineParams(query: { sql: string; params: unknown[] }): string {
  return query.sql.replace(/\$(\d+)/g, (placeholder, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= query.params.length) throw new RangeError(`No value for ${placeholder}`);
    return literal(query.params[index]);
  });
}
