import "server-only";
import { and, count, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { invoices, paymentMethods } from "@/db/schema";
import { lockAccount } from "@/lib/access/admin-guard";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { viewerActor } from "@/lib/audit/viewer-actor";
import { AppError } from "@/lib/errors";
import { BALANCE_DUE } from "@/lib/invoices/balance-due";
import { parseId } from "@/lib/validation";

async function findCard(tx: Db, viewer: Viewer, id: string) {
  const [card] = await tx
    .select({ id: paymentMethods.id, brand: paymentMethods.brand, isDefault: paymentMethods.isDefault })
    .from(paymentMethods)
    .where(and(eq(paymentMethods.id, id), eq(paymentMethods.accountId, viewer.accountId), isNull(paymentMethods.removedAt)));
  if (!card) throw new AppError("not_found", "Not found");
  return card;
}

// Makes one of the account's cards the default (the one charged for new invoices).
export async function setDefaultPaymentMethod(viewer: Viewer, paymentMethodId: string, origin: RequestOrigin = {}): Promise<void> {
  requirePermission(viewer, "payments.update");
  const id = parseId(paymentMethodId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    const card = await findCard(tx, viewer, id);
    if (card.isDefault) return;
    await tx
      .update(paymentMethods)
      .set({ isDefault: false })
      .where(and(eq(paymentMethods.accountId, viewer.accountId), isNull(paymentMethods.removedAt)));
    await tx
      .update(paymentMethods)
      .set({ isDefault: true })
      .where(and(eq(paymentMethods.id, card.id), eq(paymentMethods.accountId, viewer.accountId)));
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "payment_method.default_set",
      target: { type: "payment_method", id: card.id },
      details: { brand: card.brand },
      origin,
    });
  });
}

// Removes a card (kept, marked removed, for payment history). The last card cannot go while the
// account has open invoices with a balance (R-M2); a removed default passes to the newest other card.
export async function removePaymentMethod(viewer: Viewer, paymentMethodId: string, origin: RequestOrigin = {}, now: Date = new Date()): Promise<void> {
  requirePermission(viewer, "payments.update");
  const id = parseId(paymentMethodId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    const card = await findCard(tx, viewer, id);
    const others = and(eq(paymentMethods.accountId, viewer.accountId), isNull(paymentMethods.removedAt), ne(paymentMethods.id, card.id));
    const [successor] = await tx.select({ id: paymentMethods.id }).from(paymentMethods).where(others).orderBy(desc(paymentMethods.createdAt), desc(paymentMethods.id)).limit(1);
    if (!successor) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(invoices)
        .where(and(eq(invoices.accountId, viewer.accountId), eq(invoices.status, "open"), gt(BALANCE_DUE, 0)));
      if (n > 0) {
        const open = n === 1 ? "an open invoice" : `${n} open invoices`;
        throw new AppError("conflict", `This is the account's only payment method and there ${n === 1 ? "is" : "are"} ${open}. Add another card before removing this one.`);
      }
    }
    await tx
      .update(paymentMethods)
      .set({ removedAt: now, isDefault: false })
      .where(and(eq(paymentMethods.id, card.id), eq(paymentMethods.accountId, viewer.accountId)));
    if (card.isDefault && successor) {
      await tx
        .update(paymentMethods)
        .set({ isDefault: true })
        .where(and(eq(paymentMethods.id, successor.id), eq(paymentMethods.accountId, viewer.accountId)));
    }
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "payment_method.removed",
      target: { type: "payment_method", id: card.id },
      details: { brand: card.brand },
      origin,
    });
  });
}
