import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import type { Identity } from "@/lib/access/load-viewer";
import { isDemoMode } from "@/lib/env";
import { notFoundError } from "@/lib/errors";
import { parseId } from "@/lib/validation";

// Who may open the development mailbox (R-N8): operators see every outbox email; in demo mode a
// portal user sees the emails sent to them (not colleagues', which may carry facts their
// permissions hide). Anyone else gets a 404.
function mailboxScope(identity: Identity | null): SQL | null {
  if (identity?.kind === "operator") return null;
  if (identity?.kind === "customer" && isDemoMode()) return and(eq(emailOutbox.accountId, identity.accountId), eq(emailOutbox.userId, identity.userId))!;
  throw notFoundError();
}

export function canOpenMailbox(identity: Identity | null): boolean {
  return identity?.kind === "operator" || (identity?.kind === "customer" && isDemoMode());
}

const listColumns = {
  id: emailOutbox.id,
  toEmail: emailOutbox.toEmail,
  subject: emailOutbox.subject,
  status: emailOutbox.status,
  attempts: emailOutbox.attempts,
  lastError: emailOutbox.lastError,
  providerMessageId: emailOutbox.providerMessageId,
  createdAt: emailOutbox.createdAt,
  sentAt: emailOutbox.sentAt,
};

// The latest outbox emails with their delivery state (captured, sent, pending with its last error, failed).
export async function listMailbox(identity: Identity | null, limit = 50) {
  const scope = mailboxScope(identity);
  const db = await getDb();
  return db
    .select(listColumns)
    .from(emailOutbox)
    .where(scope ?? undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(limit);
}

// One email with its HTML and text bodies; outside the caller's scope it does not exist.
export async function getMailboxEmail(identity: Identity | null, id: string) {
  const scope = mailboxScope(identity);
  parseId(id);
  const db = await getDb();
  const [email] = await db
    .select({ ...listColumns, html: emailOutbox.html, text: emailOutbox.text })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, id), scope ?? undefined));
  if (!email) throw notFoundError();
  return email;
}
