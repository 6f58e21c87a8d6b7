import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, emailOutbox, supportTickets, ticketMessages, users } from "@/db/schema";

const HOUR_MS = 3_600_000;

// Demo data for the provider's side: a ticket awaiting the operator's reply, and a permanently
// failed email in the outbox so the operator console shows a failure to retry.
export async function seedSupportDemo(db: Db, now: Date): Promise<void> {
  const [acme] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.slug, "acme"));
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ["billing@acme.example", "viewer@acme.example"]));
  const billing = people.find((p) => p.email === "billing@acme.example")!;
  const viewer = people.find((p) => p.email === "viewer@acme.example")!;

  const openedAt = new Date(now.getTime() - 26 * HOUR_MS);
  const [ticket] = await db
    .insert(supportTickets)
    .values({
      accountId: acme.id,
      subject: "Bandwidth overage on last month's invoice",
      category: "billing",
      createdByUserId: billing.id,
      createdAt: openedAt,
      updatedAt: openedAt,
    })
    .returning({ id: supportTickets.id });
  await db.insert(ticketMessages).values({
    accountId: acme.id,
    ticketId: ticket.id,
    authorUserId: billing.id,
    body: "Our dashboard shows 80 GB of overage but the invoice bills 120 GB. Could you check which figure is right?",
    createdAt: openedAt,
  });

  const failedAt = new Date(now.getTime() - 3 * HOUR_MS);
  await db.insert(emailOutbox).values({
    accountId: acme.id,
    userId: viewer.id,
    toEmail: viewer.email,
    subject: "A new invoice from Northwind Cloud",
    html: "<p>A new invoice has been posted to your account.</p>",
    text: "A new invoice has been posted to your account.",
    idempotencyKey: "demo:failed-email",
    status: "failed",
    attempts: 8,
    nextAttemptAt: failedAt,
    lastError: "Resend 422 validation_error: The `to` address is on the suppression list.",
    createdAt: new Date(failedAt.getTime() - 6 * HOUR_MS),
  });
}
