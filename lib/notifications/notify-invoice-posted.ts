import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, type Invoice } from "@/db/schema";
import { balanceDueMinor } from "@/lib/invoices/balance-due";
import { isInvoiceVisible } from "@/lib/invoices/generation-rule";
import { deliverNotifications } from "./deliver";
import { insertNotifications, recipientOf } from "./insert-notifications";
import { recipientsSql } from "./recipients-sql";

// "Invoice posted" (R-N1): notifications, alerts and outbox emails for the account's recipients,
// written with the caller's transaction handle so they exist exactly when the invoice does.
// An invoice the account cannot see (a hidden Generation 3 one) notifies nobody.
export async function notifyInvoicePosted(tx: Db, invoice: Invoice, now: Date): Promise<{ notifications: number }> {
  const [account] = await tx
    .select({ name: accounts.name, locale: accounts.locale, timeZone: accounts.timeZone, invoiceGeneration: accounts.invoiceGeneration, upgradedAt: accounts.upgradedAt })
    .from(accounts)
    .where(eq(accounts.id, invoice.accountId));
  // A new invoice has no access grants yet.
  if (!account || !isInvoiceVisible(invoice, account, [], now)) return { notifications: 0 };

  const due = sql`select ${invoice.id}::uuid as subject_id, ${invoice.accountId}::uuid as account_id, 0 as threshold`;
  const rows = await insertNotifications(tx, "invoice_posted", due, recipientsSql("invoices.view"), sql`n.threshold = due.threshold`, now);
  const facts = {
    id: invoice.id,
    number: invoice.number,
    currency: invoice.currency,
    totalMinor: invoice.totalMinor,
    balanceMinor: balanceDueMinor(invoice),
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
  };
  await deliverNotifications(
    tx,
    rows.map((row) => ({
      notificationId: row.id,
      accountId: row.account_id,
      userId: row.user_id,
      recipient: recipientOf(row),
      account: { name: account.name, locale: account.locale, timeZone: account.timeZone },
      facts: { event: "invoice_posted", invoice: facts },
    })),
    now,
  );
  return { notifications: rows.length };
}
