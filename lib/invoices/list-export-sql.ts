import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { invoices, paymentAllocations, payments } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { isNeutralisedSql, neutralisedTextSql } from "@/lib/exports/csv-cells-sql";
import { minorToDecimalSql } from "@/lib/money-sql";
import { paymentMethodLabelSql } from "@/lib/payments/method-label";
import { BALANCE_DUE } from "./balance-due";
import { daysPastDueSql, invoiceStatusLabelSql, paymentStatusLabelSql } from "./invoice-status";
import {
  APPLIED_SEPARATOR,
  csvColumnsOf,
  HIDDEN_APPLIED_LABEL,
  tableColumns,
  type InvoiceColumnId,
  type InvoiceListColumn,
  type ListColumn,
  type PaymentColumnId,
  type PaymentListColumn,
} from "./list-columns";
import { visibleInvoicesWhere } from "./visibility";

// The CSV cells of a tab as SQL (R-E2), for the export PostgreSQL writes itself (COPY): per screen
// column, the value ./list-columns gives the JavaScript export, in the same text. Dates are the
// server's own date text, which is what the driver hands the JavaScript export too. Number cells
// are numerics, whose text is always a plain decimal, so only text cells need neutralising.
// tests/integration/csv-export-paths.test.ts requires both exports to write the same bytes.

const day = (column: SQLWrapper) => sql`${column}::text`;

function invoiceCellsById(today: string): Record<InvoiceColumnId, SQL[]> {
  const money = (minor: SQLWrapper) => minorToDecimalSql(minor, invoices.currency);
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

// "Applied to": the payment's visible invoices by number, then what went to invoices the viewer no
// longer sees, as one sum (a correlated subquery per payment, as appliedInvoices reads them).
function appliedToSql(viewer: Viewer, now: Date): SQL {
  const visible = sql`coalesce(${visibleInvoicesWhere(viewer, now)}, false)`;
  const money = (minor: SQLWrapper) => sql`${minorToDecimalSql(minor, payments.currency)}::text`;
  const hidden = sql`sum(${paymentAllocations.amountMinor}) filter (where not ${visible})`;
  const cell = sql`concat_ws(${APPLIED_SEPARATOR}::text,
      string_agg(${invoices.number} || ' ' || ${money(paymentAllocations.amountMinor)}, ${APPLIED_SEPARATOR}::text order by ${invoices.number}) filter (where ${visible}),
      case when coalesce(${hidden}, 0) > 0 then ${HIDDEN_APPLIED_LABEL}::text || ' ' || ${money(hidden)} end)`;
  // Neutralised inside the subquery, where the aggregates are computed once however often named.
  return sql`(select ${neutralisedTextSql(cell)}
    from ${paymentAllocations} inner join ${invoices} on ${invoices.id} = ${paymentAllocations.invoiceId} and ${invoices.accountId} = ${paymentAllocations.accountId}
    where ${paymentAllocations.accountId} = ${viewer.accountId} and ${paymentAllocations.paymentId} = ${payments.id})`;
}

function paymentCellsById(viewer: Viewer, now: Date): Record<PaymentColumnId, SQL[]> {
  return {
    received_on: [day(payments.receivedOn)],
    reference: [sql`${payments.reference}`],
    method: [paymentMethodLabelSql()],
    amount: [minorToDecimalSql(payments.amountMinor, payments.currency)],
    status: [paymentStatusLabelSql()],
    applied_to: [appliedToSql(viewer, now)],
  };
}

// The cells of `columns` (a tab's screen columns) in the CSV's order: csvColumnsOf's columns,
// Currency last. Refuses to guess when the two lists no longer line up.
function csvCellsSql<Row extends { currency: string }, Id extends string>(columns: ListColumn<Row, Id>[], byId: Record<Id, SQL[]>, currency: SQLWrapper): SQL[] {
  const csv = csvColumnsOf(columns);
  const cells = [
    ...tableColumns(columns).flatMap((c) => {
      if (byId[c.id].length !== (c.csv?.length ?? 1)) throw new Error(`The CSV cells of ${c.id} and their SQL no longer line up`);
      return byId[c.id];
    }),
    sql`${currency}`,
  ];
  if (cells.length !== csv.length) throw new Error(`${csv.length} CSV columns but ${cells.length} SQL cells`);
  return cells.map((cell, i) => (csv[i].kind === "number" || isNeutralisedSql(cell) ? cell : neutralisedTextSql(cell)));
}

export function invoiceCsvCellsSql(columns: InvoiceListColumn[], today: string): SQL[] {
  return csvCellsSql(columns, invoiceCellsById(today), invoices.currency);
}

export function paymentCsvCellsSql(columns: PaymentListColumn[], viewer: Viewer, now: Date): SQL[] {
  return csvCellsSql(columns, paymentCellsById(viewer, now), payments.currency);
}
