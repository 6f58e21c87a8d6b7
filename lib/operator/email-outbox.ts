import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, emailOutbox } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validation";
import { operatorActor } from "./operator-actor";

export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

const LIST_LIMIT = 200;

// The email outbox as operators see it (R-N6): newest first, optionally one status, with errors.
// Note: operator-only and deliberately across all accounts.
export async function listOutboxEmails(operator: Operator, status: OutboxStatus | null) {
  requireOperator(operator);
  const db = await getDb();
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: emailOutbox.id,
        toEmail: emailOutbox.toEmail,
        subject: emailOutbox.subject,
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        nextAttemptAt: emailOutbox.nextAttemptAt,
        lastError: emailOutbox.lastError,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
        accountName: accounts.name,
      })
      .from(emailOutbox)
      .leftJoin(accounts, eq(accounts.id, emailOutbox.accountId))
      .where(status ? eq(emailOutbox.status, status) : undefined)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(LIST_LIMIT),
    db.select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status),
  ]);
  const totals = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?.n ?? 0])) as Record<OutboxStatus, number>;
  return { rows, totals, truncated: rows.length === LIST_LIMIT };
}

// Puts a permanently failed email back in the queue: pending, due now, with a fresh attempt budget.
// The outbox worker sends it with its original idempotency key, so it still cannot go out twice.
export async function retryOutboxEmail(operator: Operator, emailId: string, now: Date) {
  requireOperator(operator);
  parseId(emailId, "Email not found");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [email] = await tx
      .update(emailOutbox)
      .set({ status: "pending", nextAttemptAt: now, attempts: 0 })
      .where(and(eq(emailOutbox.id, emailId), eq(emailOutbox.status, "failed")))
      .returning({ id: emailOutbox.id, accountId: emailOutbox.accountId, toEmail: emailOutbox.toEmail, subject: emailOutbox.subject, lastError: emailOutbox.lastError });
    if (!email) {
      const [exists] = await tx.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, emailId));
      if (!exists) throw new AppError("not_found", "Email not found");
      throw new AppError("conflict", `Only failed emails can be retried; this one is ${exists.status}`);
    }
    await recordAuditEvent(tx, {
      accountId: email.accountId,
      actor: operatorActor(operator),
      action: "email.retried",
      target: { type: "email", id: email.id },
      details: { to: email.toEmail, subject: email.subject, lastError: email.lastError },
    });
    return email;
  });
}
