import { DataTable } from "@/components/ui/table";
import { sortHref } from "@/lib/invoices/filter-url";
import type { ListFilters } from "@/lib/invoices/filters";
import { sortLinksOf, tableColumns, type ListColumn } from "@/lib/invoices/list-columns";
import type { CellContext, CellView } from "./list-cells";
import { ListRows, type ListRowData } from "./list-rows";
import "./list-view.css";
import { ListHead, MobileSortLinks, type SortTarget } from "./sort-header";

type ListViewProps<Row extends { id: string }, Id extends string> = {
  caption: string;
  filters: ListFilters;
  columns: ListColumn<Row, Id>[];
  cells: Record<Id, CellView<Row>>;
  rows: Row[];
  ctx: CellContext;
};

// One tab's rows from its column spec, rendered once: a table with sortable headers that, below
// `md`, reflows into stacked cards with the amount that matters on the right (list-view.css),
// with a row of sort links instead of the headers. Same data, same URLs.
export function ListView<Row extends { id: string }, Id extends string>({ caption, filters, columns, cells, rows, ctx }: ListViewProps<Row, Id>) {
  const shown = tableColumns(columns);
  // Card-only details come after the table's cells, so the table's column positions stay put;
  // one with nothing to show on the card (lv-none) is left out of the row altogether.
  const cardOnly = columns.filter((c) => c.table === false && c.card);
  const cellColumns = [...shown, ...cardOnly];
  const slots = slotClasses(columns);
  // What every row's cell in a column has; a cell's own classes (past due, void) go with its row.
  const columnClasses = cellColumns.map((c, i) => [i >= shown.length && "lv-card", slots[c.id], c.numeric && "num", cells[c.id].className].filter(Boolean).join(" ") || null);
  const columnKinds = cellColumns.map((c) => cells[c.id].kind ?? null);
  const rowData = rows.map((row): ListRowData => {
    const classes: Record<number, string> = {};
    const cellsOfRow = cellColumns.map((c, i) => {
      const own = cells[c.id].rowClassName?.(row, ctx);
      if (i >= shown.length && own?.includes("lv-none")) return undefined;
      if (own) classes[i] = own;
      return cells[c.id].cell(row, ctx);
    });
    // Card-only cells come last: trailing ones left out need not travel at all.
    while (cellsOfRow.length > shown.length && cellsOfRow.at(-1) === undefined) cellsOfRow.pop();
    return Object.keys(classes).length > 0 ? [cellsOfRow, classes] : [cellsOfRow];
  });
  // One object per sort key, shared by the header and the phone's link.
  const targets = new Map<string, SortTarget>();
  const sortTarget = (column: string): SortTarget => {
    let target = targets.get(column);
    if (!target) targets.set(column, (target = { href: sortHref(filters, ctx.account.currency, column), current: filters.sort === column ? filters.dir : null }));
    return target;
  };
  return (
    <>
      <MobileSortLinks links={sortLinksOf(filters.tab, columns).map(([column, label]) => ({ label, sort: sortTarget(column) }))} />
      <DataTable caption={caption} className="lv">
        <ListHead columns={shown.map((c) => ({ label: c.header, ...(c.numeric && { numeric: true }), ...(c.sort && { sort: sortTarget(c.sort) }) }))} />
        <ListRows columnClasses={columnClasses} columnKinds={columnKinds} rows={rowData} />
      </DataTable>
    </>
  );
}

// Each column's place on the phone's card (list-view.css puts "· " between meta details).
function slotClasses<Row, Id extends string>(columns: ListColumn<Row, Id>[]): Partial<Record<Id, string>> {
  const slots: Partial<Record<Id, string>> = {};
  for (const c of columns) if (c.card) slots[c.id] = `lv-${c.card}`;
  return slots;
}
