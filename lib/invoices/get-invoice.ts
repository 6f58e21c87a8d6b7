import "server-only";
import { and, asc, eq, gt, max } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoiceAccessGrants, invoiceLines, invoices, paymentAllocations, paymentMethods, payments } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { isoDateInZone } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { generation3Access } from "./generation-rule";
import { invoiceListColumns } from "./invoice-list-query";
import { daysPastDue, invoiceDisplayStatus, type PaymentStatus } from "./invoice-status";
import { visibleInvoicesWhere } from "./visibility";
import { parseId } from "@/lib/validation";

export type InvoiceDetails = Awaited<ReturnType<typeof getInvoice>>;

// Why a Generation 3 invoice is on screen: the upgrade grace period, or a support grant (R-G3).
export type Generation3Notice = { kind: "grace"; until: Date } | { kind: "restored"; until: Date } | null;

// Invoice details (R-I3) for the viewer's account. Another account's invoice, a hidden
// Generation 3 invoice and a malformed id are all the same not_found: nothing is confirmed.
// Payments applied are included only with payments.read (R-I5).
export async function getInvoice(viewer: Viewer, invoiceId: string, now: Date) {
  requirePermission(viewer, "invoices.view");
  parseId(invoiceId, "Invoice not found");
  const db = await getDb();
  // The invoice, its lines and its payments in one round trip (three statements side by side):
  // lines and payments are scoped to the viewer's account too, and are dropped unread when the
  // invoice is not visible.
  const scope = and(eq(invoiceLines.accountId, viewer.accountId), eq(invoiceLines.invoiceId, invoiceId));
  const [[invoice], lines, applied] = await Promise.all([
    db
      .select({
        // The list's columns (balance due by the one BALANCE_DUE rule: a void invoice owes nothing), then the details'.
        ...invoiceListColumns,
        billTo: invoices.billTo,
        subtotalMinor: invoices.subtotalMinor,
        taxMinor: invoices.taxMinor,
        voidedAt: invoices.voidedAt,
        voidReason: invoices.voidReason,
      })
      .from(invoices)
      .where(and(visibleInvoicesWhere(viewer, now), eq(invoices.id, invoiceId))),
    db
      .select({
        position: invoiceLines.position,
        description: invoiceLines.description,
        quantity: invoiceLines.quantity,
        unitPriceMinor: invoiceLines.unitPriceMinor,
        taxRateBp: invoiceLines.taxRateBp,
        amountMinor: invoiceLines.amountMinor,
        taxMinor: invoiceLines.taxMinor,
      })
      .from(invoiceLines)
      .where(scope)
      .orderBy(asc(invoiceLines.position)),
    can(viewer, "payments.read") ? appliedPayments(viewer, invoiceId) : null,
  ]);
  if (!invoice) throw new AppError("not_found", "Invoice not found");

  const today = isoDateInZone(now, viewer.account.timeZone);
  return {
    ...invoice,
    displayStatus: invoiceDisplayStatus(invoice, today),
    daysPastDue: daysPastDue(invoice, today),
    lines: lines.map((l) => ({ ...l, quantity: trimQuantity(l.quantity) })),
    payments: applied,
    generation3: invoice.generation === 3 ? await generation3Notice(viewer, invoice.id, now) : null,
  };
}

// "3.5000" → "3.5": numeric(14,4) comes back padded.
function trimQuantity(quantity: string): string {
  return quantity.includes(".") ? quantity.replace(/\.?0+$/, "") : quantity;
}

async function appliedPayments(viewer: Viewer, invoiceId: string) {
  const db = await getDb();
  const rows = await db
    .select({
      paymentId: payments.id,
      receivedOn: payments.receivedOn,
      reference: payments.reference,
      method: payments.method,
      status: payments.status,
      cardBrand: paymentMethods.brand,
      cardLast4: paymentMethods.last4,
      appliedMinor: paymentAllocations.amountMinor,
    })
    .from(paymentAllocations)
    .innerJoin(payments, and(eq(payments.id, paymentAllocations.paymentId), eq(payments.accountId, paymentAllocations.accountId)))
    .leftJoin(paymentMethods, and(eq(paymentMethods.id, payments.paymentMethodId), eq(paymentMethods.accountId, payments.accountId)))
    .where(and(eq(paymentAllocations.accountId, viewer.accountId), eq(paymentAllocations.invoiceId, invoiceId)))
    .orderBy(asc(payments.receivedOn), asc(payments.id));
  return rows.map((r) => ({ ...r, status: r.status as PaymentStatus }));
}

async function generation3Notice(viewer: Viewer, invoiceId: string, now: Date): Promise<Generation3Notice> {
  const access = generation3Access(viewer.account, now);
  if (access.state === "grace") return { kind: "grace", until: access.until };
  if (access.state === "current") return null;
  const db = await getDb();
  const [grant] = await db
    .select({ until: max(invoiceAccessGrants.expiresAt) })
    .from(invoiceAccessGrants)
    .where(and(eq(invoiceAccessGrants.accountId, viewer.accountId), eq(invoiceAccessGrants.invoiceId, invoiceId), gt(invoiceAccessGrants.expiresAt, now)));
  return grant?.until ? { kind: "restored", until: grant.until } : null;
}
