import "server-only";
import { and, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { paymentDaySummaries } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import type { ListFilters } from "@/lib/invoices/filters";
import type { ListSummary } from "@/lib/invoices/invoice-list-query";
import { isPaymentStatus } from "@/lib/invoices/invoice-status";
import { sumMinorWhere } from "@/lib/money-sql";

// Recent Payments' count and amount received read from payment_day_summaries (kept by triggers,
// see db/schema/summaries.ts): one row per day and status, however many payments the account has.
// Null when a text or amount filter needs each payment; the caller then scans them.
export async function sumPaymentSummaries(viewer: Viewer, filters: ListFilters): Promise<ListSummary | null> {
  requirePermission(viewer, "payments.read");
  if (filters.q !== "" || filters.minMinor !== null || filters.maxMinor !== null) return null;
  const s = paymentDaySummaries;
  const conditions: SQL[] = [eq(s.accountId, viewer.accountId)];
  if (filters.from) conditions.push(gte(s.receivedOn, filters.from));
  if (filters.to) conditions.push(lte(s.receivedOn, filters.to));
  const statuses = filters.statuses.filter(isPaymentStatus);
  if (statuses.length > 0) conditions.push(inArray(s.status, statuses));
  const db = await getDb();
  const [row] = await db
    .select({
      count: sql<number>`coalesce(sum(${s.paymentCount}), 0)`.mapWith(Number),
      // Received means succeeded, as in summarizeRecentPayments.
      totalMinor: sumMinorWhere(sql`${s.amountMinor}`, sql`${s.status} = 'succeeded'`),
    })
    .from(s)
    .where(and(...conditions));
  return row;
}
