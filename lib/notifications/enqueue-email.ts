import "server-only";
import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/insert-chunks";
import { emailOutbox } from "@/db/schema";

export type OutboxEmailInput = {
  accountId: string | null;
  userId: string | null;
  to: string;
  subject: string;
  html: string;
  text: string;
  // Stable per logical email (e.g. "invite:<token id>"): a second enqueue with the same key is a no-op,
  // and the worker sends it to Resend as the Idempotency-Key.
  idempotencyKey: string;
  // Earliest send time; defaults to the database's now(). The reminder sweep passes its clock.
  notBefore?: Date;
};

function toRow(input: OutboxEmailInput) {
  return {
    accountId: input.accountId,
    userId: input.userId,
    toEmail: input.to,
    subject: input.subject,
    html: input.html,
    text: input.text,
    idempotencyKey: input.idempotencyKey,
    ...(input.notBefore ? { nextAttemptAt: input.notBefore, createdAt: input.notBefore } : {}),
  };
}

// Writes an email to the transactional outbox (R-N6); the outbox worker sends it with retries.
// Pass the transaction handle so the email exists exactly when the event that caused it does.
export async function enqueueEmail(db: Db, input: OutboxEmailInput): Promise<{ id: string } | null> {
  const [row] = await db.insert(emailOutbox).values(toRow(input)).onConflictDoNothing({ target: emailOutbox.idempotencyKey }).returning({ id: emailOutbox.id });
  return row ?? null;
}

// The same for many emails, a bounded number of rows per statement (rendered emails are large);
// returns the ids of the rows actually written.
export async function enqueueEmails(db: Db, inputs: OutboxEmailInput[]): Promise<{ id: string }[]> {
  return insertInChunks(
    inputs,
    (chunk) => db.insert(emailOutbox).values(chunk.map(toRow)).onConflictDoNothing({ target: emailOutbox.idempotencyKey }).returning({ id: emailOutbox.id }),
    100,
  );
}
