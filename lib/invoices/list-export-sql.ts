import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { invoices } from "@/db/schema";
import { neutralisedTextSql } from "@/lib/exports/csv-cells-sql";
import { minorToDecimalSql } from "@/lib/money-sql";
import { BALANCE_DUE } from "./balance-due";
import { daysPastDueSql, invoiceStatusLabelSql } from "./invoice-status";
import { csvColumnsOf, tableColumns, type InvoiceColumnId, type InvoiceListColumn } from "./list-columns";

// The CSV cells of an invoice tab as SQL over `invoices` (R-E2), for the export PostgreSQL writes
// itself (COPY): per screen column, the value ./list-columns gives the JavaScript export, in
// the same text. Dates are the server's own date text, which is what the driver hands the
// JavaScript export too. Number cells are numerics, whose text is always a plain decimal, so
// only text cells need neutralising. tests/integration/csv-export-paths.test.ts requires both
// exports to write the same bytes.

function invoiceCellsById(today: string): Record<InvoiceColumnId, SQL[]> {
  const money = (minor: SQLWrapper) => minorToDecimalSql(minor, invoices.currency);
  const day = (column: SQLWrapper) => sql`${column}::text`;
  return {
    number: [sql`${invoices.number}`],
    issue_date: [day(invoices.issueDate)],
    due_date: [day(invoices.dueDate)],
    days_past_due: [daysPastDueSql(today)],
    service_period: [day(invoices.periodStart), day(invoices.periodEnd)],
    status: [invoiceStatusLabelSql(today)],
    total: [money(invoices.totalMinor)],
    paid: [money(invoices.paidMinor)],
    balance: [money(BALANCE_DUE)],
  };
}

// The cells of `columns` (a tab's screen columns) in the CSV's order: csvColumnsOf's columns,
// Currency last. Refuses to guess when the two lists no longer line up.
export function invoiceCsvCellsSql(columns: InvoiceListColumn[], today: string): SQL[] {
  const byId = invoiceCellsById(today);
  const csv = csvColumnsOf(columns);
  const cells = [
    ...tableColumns(columns).flatMap((c) => {
      if (byId[c.id].length !== (c.csv?.length ?? 1)) throw new Error(`The CSV cells of ${c.id} and their SQL no longer line up`);
      return byId[c.id];
    }),
    sql`${invoices.currency}`,
  ];
  if (cells.length !== csv.length) throw new Error(`${csv.length} CSV columns but ${cells.length} SQL cells`);
  return cells.map((cell, i) => (csv[i].kind === "number" ? cell : neutralisedTextSql(cell)));
}
