import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { encodeCursor, type PageCursor, type PageDirection, type SortDir } from "./cursor";

// Keyset (seek) pagination on (sort value, [tie-break,] id): a page is "the next N rows after this
// row", so page 2000 reads as few index entries as page 1 — there is no OFFSET to skip over. The
// optional tie-break (e.g. invoice number) orders rows with an equal sort value the way a person
// expects; the id stays last so the order is total.

type Tie<Row> = { expr: SQL | AnyColumn; value: (row: Row) => string };
export type SortSpec<Row> = { expr: SQL | AnyColumn; value: (row: Row) => string | number; tie?: Tie<Row> };
type KeyExprs = { expr: SQL | AnyColumn; tie?: { expr: SQL | AnyColumn } };
export type PageRequest = { cursor: PageCursor | null; direction: PageDirection; limit: number };
export type KeysetPage<Row> = { rows: Row[]; nextCursor: string | null; prevCursor: string | null; hasMore: boolean };

function keyColumns(spec: KeyExprs, id: AnyColumn): (SQL | AnyColumn)[] {
  return spec.tie ? [spec.expr, spec.tie.expr, id] : [spec.expr, id];
}

// The seek condition: rows strictly beyond the cursor row in the walking direction. A row
// comparison on (expr, [tie,] id) matches a btree on the same columns in the same direction.
// A cursor without the tie value its sort needs (made before the tie-break existed) cannot be
// placed in the order: callers check cursorFitsSpec first and start at the first page instead.
export function keysetWhere(spec: KeyExprs, id: AnyColumn, request: PageRequest): SQL | undefined {
  const { cursor, direction } = request;
  if (!cursor) return undefined;
  const forwardIsUp = cursor.dir === "asc";
  const up = direction === "after" ? forwardIsUp : !forwardIsUp;
  const columns = sql.join(keyColumns(spec, id), sql`, `);
  const values = sql.join(spec.tie ? [sql`${cursor.value}`, sql`${cursor.tie ?? ""}`, sql`${cursor.id}`] : [sql`${cursor.value}`, sql`${cursor.id}`], sql`, `);
  return up ? sql`(${columns}) > (${values})` : sql`(${columns}) < (${values})`;
}

// ORDER BY for the walk; "before" reads backwards from the cursor and is flipped afterwards.
export function keysetOrderBy(spec: KeyExprs, id: AnyColumn, dir: SortDir, direction: PageDirection): SQL[] {
  const ascending = (dir === "asc") === (direction === "after");
  return keyColumns(spec, id).map((column) => (ascending ? asc(column) : desc(column)));
}

// True when `cursor` carries exactly the keys `spec` sorts by, so it can be placed in the order.
export function cursorFitsSpec(cursor: PageCursor, spec: KeyExprs): boolean {
  return (cursor.tie !== undefined) === Boolean(spec.tie);
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
  return { sort, dir, value: spec.value(row), id: row.id, ...(spec.tie ? { tie: spec.tie.value(row) } : {}) };
}
