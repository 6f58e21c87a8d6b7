import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validation";
import { operatorActor } from "./operator-actor";

// Moves an account to Generation 4 and records the instant (R-G1); the 30-day window of R-G2
// during which Generation 3 invoices stay visible starts then.
// Note: operator-only and deliberately cross-account.
export async function upgradeAccountToGeneration4(operator: Operator, accountId: string, now: Date) {
  requireOperator(operator);
  parseId(accountId, "Account not found");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id, invoiceGeneration: accounts.invoiceGeneration }).from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!account) throw new AppError("not_found", "Account not found");
    if (account.invoiceGeneration === 4) throw new AppError("conflict", "This account is already on Generation 4");
    const [updated] = await tx
      .update(accounts)
      .set({ invoiceGeneration: 4, upgradedAt: now })
      .where(and(eq(accounts.id, accountId), eq(accounts.invoiceGeneration, 3)))
      .returning({ upgradedAt: accounts.upgradedAt });
    await recordAuditEvent(tx, {
      accountId,
      actor: operatorActor(operator),
      action: "account.upgraded",
      target: { type: "account", id: accountId },
      details: { generation: 4, upgradedAt: now.toISOString() },
    });
    return { upgradedAt: updated.upgradedAt! };
  });
}
