import "server-only";
import { and, asc, eq, gte, ilike, inArray, lte, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { invoices, paymentAllocations, paymentMethods, payments } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { pageRequestOf, type ListFilters } from "@/lib/invoices/filters";
import type { ListSummary } from "@/lib/invoices/invoice-list-query";
import { sumMinorWhere } from "@/lib/money-sql";
import { isPaymentStatus, type PaymentStatus } from "@/lib/invoices/invoice-status";
import { memoizedSummary, summaryKey } from "@/lib/invoices/summary-memo";
import { visibleInvoicesWhere } from "@/lib/invoices/visibility";
import { sumPaymentSummaries } from "./payment-summary-sums";
import { cursorFor, keysetOrderBy, keysetPage, keysetWhere, type KeysetPage, type PageRequest, type SortSpec } from "@/lib/pagination/keyset";

// Recent Payments (R-I1, R-I5): payments received, newest first, last 12 months by default.

export type PaymentListRow = {
  id: string;
  receivedOn: string;
  reference: string;
  method: "card" | "bank_transfer" | "check" | "other";
  status: PaymentStatus;
  amountMinor: number;
  currency: string;
  cardBrand: string | null;
  cardLast4: string | null;
  appliedTo: { invoiceId: string; number: string; amountMinor: number }[];
  // Applied to Generation 3 invoices this viewer no longer sees (R-G3): shown as a sum, never by number.
  hiddenAppliedMinor: number;
};

type PaymentRow = Omit<PaymentListRow, "appliedTo" | "hiddenAppliedMinor">;
export type PaymentList = KeysetPage<PaymentListRow> & ListSummary;

const SORTS: Record<string, SortSpec<PaymentRow>> = {
  received_on: { expr: payments.receivedOn, value: (r) => r.receivedOn },
  reference: { expr: payments.reference, value: (r) => r.reference },
  amount: { expr: payments.amountMinor, value: (r) => r.amountMinor },
};

function paymentListWhere(viewer: Viewer, filters: ListFilters): SQL {
  const conditions: SQL[] = [eq(payments.accountId, viewer.accountId)];
  if (filters.from) conditions.push(gte(payments.receivedOn, filters.from));
  if (filters.to) conditions.push(lte(payments.receivedOn, filters.to));
  if (filters.q) conditions.push(ilike(payments.reference, `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (filters.minMinor !== null) conditions.push(gte(payments.amountMinor, filters.minMinor));
  if (filters.maxMinor !== null) conditions.push(lte(payments.amountMinor, filters.maxMinor));
  const statuses = filters.statuses.filter(isPaymentStatus);
  if (statuses.length > 0) conditions.push(inArray(payments.status, statuses));
  return and(...conditions)!;
}

function sortOf(filters: ListFilters) {
  const key = Object.hasOwn(SORTS, filters.sort) ? filters.sort : "received_on";
  return { key, spec: SORTS[key] };
}

// The card a payment was made with, if any (its brand and last digits are on the list).
const PAYMENT_CARD = and(eq(paymentMethods.id, payments.paymentMethodId), eq(paymentMethods.accountId, payments.accountId));

// The unexecuted page query (the bench prints its plan).
export function paymentRowsQuery(db: Db, viewer: Viewer, filters: ListFilters, request: PageRequest) {
  const { spec } = sortOf(filters);
  return db
    .select({
      id: payments.id,
      receivedOn: payments.receivedOn,
      reference: payments.reference,
      method: payments.method,
      status: payments.status,
      amountMinor: payments.amountMinor,
      currency: payments.currency,
      cardBrand: paymentMethods.brand,
      cardLast4: paymentMethods.last4,
    })
    .from(payments)
    .leftJoin(paymentMethods, PAYMENT_CARD)
    .where(and(paymentListWhere(viewer, filters), keysetWhere(spec, payments.id, request)))
    .orderBy(...keysetOrderBy(spec, payments.id, filters.dir, request.direction))
    .limit(request.limit + 1);
}

// Every payment `filters` matches from the first, in the page's order (the same FROM, WHERE and
// ORDER BY as paymentRowsQuery), as `cells`: the CSV export's COPY (lib/invoices/export-lists.ts).
export function paymentCellsQuery(db: Db, viewer: Viewer, filters: ListFilters, cells: SQL[]) {
  requirePermission(viewer, "payments.read");
  const { spec } = sortOf(filters);
  return db
    .select(Object.fromEntries(cells.map((cell, i) => [`c${i}`, cell])))
    .from(payments)
    .leftJoin(paymentMethods, PAYMENT_CARD)
    .where(paymentListWhere(viewer, filters))
    .orderBy(...keysetOrderBy(spec, payments.id, filters.dir, "after"));
}

// Which visible invoices each payment settled, and how much went to invoices the viewer no longer
// sees (hidden Generation 3 ones), so a payment that settled only those does not read "Not applied".
async function appliedInvoices(viewer: Viewer, paymentIds: string[], now: Date) {
  const byPayment = new Map<string, Pick<PaymentListRow, "appliedTo" | "hiddenAppliedMinor">>();
  if (paymentIds.length === 0) return byPayment;
  const db = await getDb();
  const rows = await db
    .select({
      paymentId: paymentAllocations.paymentId,
      invoiceId: invoices.id,
      number: invoices.number,
      amountMinor: paymentAllocations.amountMinor,
      visible: sql<boolean>`coalesce(${visibleInvoicesWhere(viewer, now)}, false)`,
    })
    .from(paymentAllocations)
    .innerJoin(invoices, and(eq(invoices.id, paymentAllocations.invoiceId), eq(invoices.accountId, paymentAllocations.accountId)))
    .where(and(eq(paymentAllocations.accountId, viewer.accountId), inArray(paymentAllocations.paymentId, paymentIds)))
    .orderBy(asc(invoices.number));
  for (const { paymentId, visible, ...invoice } of rows) {
    const entry = byPayment.get(paymentId) ?? { appliedTo: [], hiddenAppliedMinor: 0 };
    if (visible) entry.appliedTo.push(invoice);
    else entry.hiddenAppliedMinor += invoice.amountMinor;
    byPayment.set(paymentId, entry);
  }
  return byPayment;
}

// One keyset page of payments; exports call it with their own cursor and batch size.
export async function fetchRecentPaymentRows(viewer: Viewer, filters: ListFilters, now: Date, request: PageRequest): Promise<KeysetPage<PaymentListRow>> {
  requirePermission(viewer, "payments.read");
  const { key, spec } = sortOf(filters);
  const fetched: PaymentRow[] = await paymentRowsQuery(await getDb(), viewer, filters, request);
  const page = keysetPage(fetched, request, (row) => cursorFor(key, filters.dir, spec, row));
  const applied = await appliedInvoices(
    viewer,
    page.rows.map((p) => p.id),
    now,
  );
  return { ...page, rows: page.rows.map((p) => ({ ...p, appliedTo: [], hiddenAppliedMinor: 0, ...applied.get(p.id) })) };
}

// Count of matching payments and the amount actually received (succeeded payments only): from the
// per-day summaries unless a text or amount filter needs each payment.
export async function summarizeRecentPayments(viewer: Viewer, filters: ListFilters): Promise<ListSummary> {
  requirePermission(viewer, "payments.read");
  return memoizedSummary(summaryKey("payments", filters, null), async () => {
    const summed = await sumPaymentSummaries(viewer, filters);
    if (summed) return summed;
    const db = await getDb();
    const [row] = await db
      .select({
        count: sql<number>`count(*)`.mapWith(Number),
        totalMinor: sumMinorWhere(sql`${payments.amountMinor}`, sql`${payments.status} = 'succeeded'`),
      })
      .from(payments)
      .where(paymentListWhere(viewer, filters));
    return row;
  });
}

// The Recent Payments tab: the page the filters ask for, plus count and amount received.
export async function listRecentPayments(viewer: Viewer, filters: ListFilters, now: Date): Promise<PaymentList> {
  const [page, summary] = await Promise.all([fetchRecentPaymentRows(viewer, filters, now, pageRequestOf(filters)), summarizeRecentPayments(viewer, filters)]);
  return { ...page, ...summary };
}
