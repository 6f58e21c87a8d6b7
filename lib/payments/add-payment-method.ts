import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { paymentMethods } from "@/db/schema";
import { lockAccount } from "@/lib/access/admin-guard";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { viewerActor } from "@/lib/audit/viewer-actor";
import { parseInput } from "@/lib/validation";
import { addCardSchema } from "./card-schema";
import { tokenizeCard } from "./tokenize-card";

export type AddCardInput = { holderName: unknown; number: unknown; expMonth: unknown; expYear: unknown; cvc: unknown; makeDefault?: unknown };

// Adds a card (R-M2). The number is validated (Luhn), reduced to brand + last4 + token at once and
// then dropped; the CVC is only validated. The account's first card becomes its default.
// Note: neither the number nor the CVC is stored, logged, audited or returned.
export async function addPaymentMethod(viewer: Viewer, input: AddCardInput, origin: RequestOrigin, now: Date): Promise<{ id: string; brand: string; last4: string }> {
  requirePermission(viewer, "payments.update");
  const card = parseInput(addCardSchema(now, viewer.account.timeZone), input);
  const { brand, last4, processorToken } = tokenizeCard(card.number);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    const active = and(eq(paymentMethods.accountId, viewer.accountId), isNull(paymentMethods.removedAt));
    const [{ n }] = await tx.select({ n: count() }).from(paymentMethods).where(active);
    const isDefault = card.makeDefault || n === 0;
    if (isDefault) await tx.update(paymentMethods).set({ isDefault: false }).where(active);
    const [row] = await tx
      .insert(paymentMethods)
      .values({ accountId: viewer.accountId, brand, last4, expMonth: card.expMonth, expYear: card.expYear, holderName: card.holderName, isDefault, processorToken })
      .returning({ id: paymentMethods.id });
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "payment_method.added",
      target: { type: "payment_method", id: row.id },
      details: { brand, isDefault },
      origin,
    });
    return { id: row.id, brand, last4 };
  });
}
