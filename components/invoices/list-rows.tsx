"use client";

import type { ReactNode } from "react";

// One list row on the wire: each cell's content (the server renders it: formatted text, a
// badge, an invoice link), and the classes only some rows have (past due, void), by cell index.
// A card-only cell with nothing to show is `undefined`: no <td> at all.
export type ListRowData = { cells: (ReactNode | undefined)[]; classes?: Record<number, string> };

// The rows of a list (list-view.tsx). A client component only so the classes every row repeats
// (the cell's card slot, numeric alignment) travel once per list in `columnClasses` instead of
// once per cell in the page's RSC payload; the markup is the same as a server-rendered <tbody>.
export function ListRows({ columnClasses, rows }: { columnClasses: (string | null)[]; rows: ListRowData[] }) {
  return (
    <tbody>
      {rows.map((row, r) => (
        <tr key={r}>
          {row.cells.map((cell, i) =>
            cell === undefined ? null : (
              <td key={i} className={[columnClasses[i], row.classes?.[i]].filter(Boolean).join(" ") || undefined}>
                {cell}
              </td>
            ),
          )}
        </tr>
      ))}
    </tbody>
  );
}
