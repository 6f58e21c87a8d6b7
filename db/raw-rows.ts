import type { SQLWrapper } from "drizzle-orm";
import type { Db } from "./client";

// Runs a query and returns the driver's rows as they come: column names as keys, dates as ISO
// text, bigint as text (pg) or number/bigint (PGlite). Both drivers' results have `rows`.
// For raw SQL, and for hot paths that decode rows themselves (see fetchInvoiceRows).
export async function rawRows<T = Record<string, unknown>>(db: Db, query: SQLWrapper): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
