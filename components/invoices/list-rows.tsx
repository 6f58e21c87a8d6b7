"use client";

import type { ReactNode } from "react";
import type { BadgeTone } from "@/components/ui/badge";
import { InvoiceNumberLink } from "./invoice-number-link";

// How a column's cells travel: as they render (text, or an element the server made), or, for the
// two cells every row has, as their data only: a status badge as [tone, label], an invoice
// number link as [id, number, 1 when it carries the "Gen 3" tag].
export type CellKind = "badge" | "invoice";
export type BadgeCell = [tone: BadgeTone, label: string];
export type InvoiceCell = [id: string, number: string, generation3?: 1];
export type CellData = ReactNode | BadgeCell | InvoiceCell;

// One list row on the wire: each cell's data, and the classes only some rows have (past due,
// void), by cell index. A card-only cell with nothing to show is `undefined`: no <td> at all.
export type ListRowData = [cells: CellData[], classes?: Record<number, string>];

function renderCell(kind: CellKind | null, cell: CellData): ReactNode {
  if (kind === "badge") {
    const [tone, label] = cell as BadgeCell;
    return <span className={`badge badge-${tone} badge-dot`}>{label}</span>;
  }
  if (kind === "invoice") {
    const [id, number, generation3] = cell as InvoiceCell;
    return <InvoiceNumberLink id={id} number={number} generation3={generation3 === 1} />;
  }
  return cell as ReactNode;
}

// The rows of a list (list-view.tsx). A client component only so what every row repeats (the
// cell's card slot and numeric alignment, a badge's and an invoice link's markup) travels once
// per list in `columnClasses` and `columnKinds` instead of once per cell in the page's RSC
// payload; the markup is the same as a server-rendered <tbody>.
export function ListRows({ columnClasses, columnKinds, rows }: { columnClasses: (string | null)[]; columnKinds: (CellKind | null)[]; rows: ListRowData[] }) {
  return (
    <tbody>
      {rows.map(([cells, classes], r) => (
        <tr key={r}>
          {cells.map((cell, i) =>
            cell === undefined ? null : (
              <td key={i} className={[columnClasses[i], classes?.[i]].filter(Boolean).join(" ") || undefined}>
                {renderCell(columnKinds[i], cell)}
              </td>
            ),
          )}
        </tr>
      ))}
    </tbody>
  );
}
