import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { encodeCursor, type PageCursor, type PageDirection, type SortDir } from "./cursor";

// Keyset (seek) pagination on (sort value, id): a page is "the next N rows after this row", so
// page 2000 reads as few index entries as page 1 — there is no OFFSET to skip over.

export type SortSpec<Row> = { expr: SQL | AnyColumn; value: (row: Row) => string | number };
export type PageRequest = { cursor: PageCursor | null; direction: PageDirection; limit: number };
export type KeysetPage<Row> = { rows: Row[]; nextCursor: string | null; prevCursor: string | null; hasMore: boolean };

// The seek condition: rows strictly beyond the cursor row in the walking direction. A row
// comparison on (expr, id) matches a btree on the same columns in the same direction.
export function keysetWhere(spec: { expr: SQL | AnyColumn }, id: AnyColumn, request: PageRequest): SQL | undefined {
  const { cursor, direction } = request;
  if (!cursor) return undefined;
  const forwardIsUp = cursor.dir === "asc";
  const up = direction === "after" ? forwardIsUp : !forwardIsUp;
  return up ? sql`(${spec.expr}, ${id}) > (${cursor.value}, ${cursor.id})` : sql`(${spec.expr}, ${id}) < (${cursor.value}, ${cursor.id})`;
}

// ORDER BY for the walk; "before" reads backwards from the cursor and is flipped afterwards.
export function keysetOrderBy(spec: { expr: SQL | AnyColumn }, id: AnyColumn, dir: SortDir, direction: PageDirection): SQL[] {
  const ascending = (dir === "asc") === (direction === "after");
  return ascending ? [asc(spec.expr), asc(id)] : [desc(spec.expr), desc(id)];
}

// Turns the limit + 1 rows a query fetched into a page with its Next / Previous cursors.
export function keysetPage<Row extends { id: string }>(fetched: Row[], request: PageRequest, cursorOf: (row: Row) => PageCursor): KeysetPage<Row> {
  const hasMore = fetched.length > request.limit;
  const rows = fetched.slice(0, request.limit);
  if (request.direction === "before") rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const movedBack = request.direction === "before";
  const hasNext = movedBack ? Boolean(last) : hasMore;
  const hasPrev = movedBack ? hasMore : Boolean(request.cursor && first);
  return {
    rows,
    hasMore,
    nextCursor: hasNext && last ? encodeCursor(cursorOf(last)) : null,
    prevCursor: hasPrev && first ? encodeCursor(cursorOf(first)) : null,
  };
}

export function cursorFor<Row extends { id: string }>(sort: string, dir: SortDir, spec: SortSpec<Row>, row: Row): PageCursor {
  return { sort, dir, value: spec.value(row), id: row.id };
}
