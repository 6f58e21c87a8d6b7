import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { paymentMethods } from "@/db/schema";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { cardExpiry, type CardExpiry } from "./card-expiry";

export type PaymentMethodRow = {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  holderName: string;
  isDefault: boolean;
  expiry: CardExpiry;
};

// The account's cards on file, default first (R-M1). The processor token never leaves lib/.
export async function listPaymentMethods(viewer: Viewer, now: Date): Promise<PaymentMethodRow[]> {
  requirePermission(viewer, "payments.read");
  const db = await getDb();
  const rows = await db
    .select({
      id: paymentMethods.id,
      brand: paymentMethods.brand,
      last4: paymentMethods.last4,
      expMonth: paymentMethods.expMonth,
      expYear: paymentMethods.expYear,
      holderName: paymentMethods.holderName,
      isDefault: paymentMethods.isDefault,
    })
    .from(paymentMethods)
    .where(and(eq(paymentMethods.accountId, viewer.accountId), isNull(paymentMethods.removedAt)))
    .orderBy(desc(paymentMethods.isDefault), asc(paymentMethods.createdAt), asc(paymentMethods.id));
  return rows.map((row) => ({ ...row, expiry: cardExpiry(row, now, viewer.account.timeZone) }));
}
