// Rows per multi-row INSERT built in JavaScript. PostgreSQL takes at most 65 535 bind parameters
// per statement and drizzle builds a statement's SQL recursively (tens of thousands of rows
// overflow its stack), so callers with lists they do not bound themselves split them.
export const ROWS_PER_INSERT = 500;

// Runs `insert` on consecutive slices of at most `size` items, in order, and concatenates results.
export async function insertInChunks<T, R>(items: readonly T[], insert: (chunk: T[]) => Promise<R[]>, size = ROWS_PER_INSERT): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await insert(items.slice(start, start + size))));
  return results;
}
