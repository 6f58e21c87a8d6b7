import { DataTable } from "@/components/ui/table";
import type { ListFilters } from "@/lib/invoices/filters";
import { sortLinksOf, tableColumns, type ListColumn } from "@/lib/invoices/list-columns";
import type { CellContext, CellView } from "./list-cells";
import "./list-view.css";
import { MobileSortLinks, SortHeader } from "./sort-header";

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
  const slots = slotClasses(columns);
  const sort = { filters, currency: ctx.account.currency };
  const td = (c: ListColumn<Row, Id>, row: Row, extra?: string) => (
    <td key={c.id} className={[extra, slots[c.id], c.numeric && "num", cells[c.id].className?.(row, ctx)].filter(Boolean).join(" ") || undefined}>
      {cells[c.id].cell(row, ctx)}
    </td>
  );
  return (
    <>
      <MobileSortLinks {...sort} columns={sortLinksOf(filters.tab, columns)} />
      <DataTable caption={caption} className="lv">
        <thead>
          <tr>
            {shown.map((c) =>
              c.sort ? (
                <SortHeader key={c.id} label={c.header} column={c.sort} numeric={c.numeric} {...sort} />
              ) : (
                <th key={c.id} scope="col" className={c.numeric ? "num" : undefined}>
                  {c.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {shown.map((c) => td(c, row))}
              {cardOnly.map((c) => (cells[c.id].className?.(row, ctx)?.includes("lv-none") ? null : td(c, row, "lv-card")))}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

// Each column's place on the phone's card; every meta detail after the first is preceded by "· ".
function slotClasses<Row, Id extends string>(columns: ListColumn<Row, Id>[]): Partial<Record<Id, string>> {
  const slots: Partial<Record<Id, string>> = {};
  let metas = 0;
  for (const c of columns) {
    if (!c.card) continue;
    slots[c.id] = c.card === "meta" && metas++ > 0 ? "lv-meta lv-sep" : `lv-${c.card}`;
  }
  return slots;
}
