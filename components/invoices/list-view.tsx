import { Fragment, type ReactNode } from "react";
import { DataTable, Td, Th } from "@/components/ui/table";
import type { ListFilters } from "@/lib/invoices/filters";
import { sortLinksOf, tableColumns, type CardSlot, type ListColumn } from "@/lib/invoices/list-columns";
import type { CellContext, CellView } from "./list-cells";
import { MobileSortLinks, SortHeader } from "./sort-header";

type ListViewProps<Row extends { id: string }, Id extends string> = {
  caption: string;
  filters: ListFilters;
  columns: ListColumn<Row, Id>[];
  cells: Record<Id, CellView<Row>>;
  rows: Row[];
  ctx: CellContext;
};

// One tab's rows from its column spec: on a phone, sort links and stacked cards with the amount
// that matters on the right; from `md` up, the table with sortable headers. Same data, same URLs.
export function ListView<Row extends { id: string }, Id extends string>({ caption, filters, columns, cells, rows, ctx }: ListViewProps<Row, Id>) {
  const shown = tableColumns(columns);
  const sort = { filters, currency: ctx.account.currency };
  return (
    <>
      <MobileSortLinks {...sort} columns={sortLinksOf(filters.tab, columns)} />
      <ul className="divide-y divide-slate-100 md:hidden">
        {rows.map((row) => (
          <ListCard key={row.id} row={row} columns={columns} cells={cells} ctx={ctx} />
        ))}
      </ul>
      <DataTable caption={caption} className="hidden md:block">
        <thead>
          <tr>
            {shown.map((c) =>
              c.sort ? (
                <SortHeader key={c.id} label={c.header} column={c.sort} numeric={c.numeric} {...sort} />
              ) : (
                <Th key={c.id} numeric={c.numeric}>
                  {c.header}
                </Th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50/70">
              {shown.map((c) => (
                <Td key={c.id} numeric={c.numeric} className={cells[c.id].className?.(row, ctx)}>
                  {cells[c.id].cell(row, ctx)}
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

function ListCard<Row extends { id: string }, Id extends string>({ row, columns, cells, ctx }: Omit<ListViewProps<Row, Id>, "caption" | "filters" | "rows"> & { row: Row }) {
  // The rendered columns of one slot, in column order; a column with nothing to say is left out.
  const slot = (name: CardSlot): { id: Id; node: ReactNode }[] =>
    columns
      .filter((c) => c.card === name)
      .map((c) => ({ id: c.id, node: (cells[c.id].card ?? cells[c.id].cell)(row, ctx) }))
      .filter((s) => s.node !== null && s.node !== undefined);
  const list = (items: { id: Id; node: ReactNode }[], separator?: string) =>
    items.map((s, i) => (
      <Fragment key={s.id}>
        {separator && i > 0 ? separator : null}
        {s.node}
      </Fragment>
    ));
  const [meta, aside, foot] = [slot("meta"), slot("aside"), slot("foot")];
  return (
    <li className="px-3 py-2.5 text-sm">
      <div className="flex items-center justify-between gap-3">
        <span className="flex items-center gap-2">{list(slot("lead"))}</span>
        {list(slot("trail"))}
      </div>
      {meta.length + aside.length > 0 ? (
        <div className="mt-1 flex justify-between gap-3 text-xs text-slate-600">
          <span>{list(meta, " · ")}</span>
          {list(aside)}
        </div>
      ) : null}
      {list(foot)}
    </li>
  );
}
