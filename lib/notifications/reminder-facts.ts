import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, invoices, paymentMethods } from "@/db/schema";
import { BALANCE_DUE } from "@/lib/invoices/balance-due";
import type { NewNotification } from "./deliver";
import { recipientOf, type InsertedRow } from "./insert-notifications";

const accountFacts = { name: accounts.name, locale: accounts.locale, timeZone: accounts.timeZone };

// The distinct subject ids of one batch as a single array parameter: one bind parameter however
// large the batch (an IN list would take one per id).
const idsParam = (rows: InsertedRow[]) => sql.param([...new Set(rows.map((r) => r.subject_id))]);

// What the messages of a batch of past-due notifications say about each invoice.
export async function invoiceReminders(tx: Db, rows: InsertedRow[]): Promise<NewNotification[]> {
  if (rows.length === 0) return [];
  const facts = await tx
    .select({
      id: invoices.id,
      number: invoices.number,
      currency: invoices.currency,
      totalMinor: invoices.totalMinor,
      balanceMinor: sql<number>`${BALANCE_DUE}`.mapWith(Number),
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      account: accountFacts,
    })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(sql`${invoices.id} = any(${idsParam(rows)}::uuid[])`);
  const byId = new Map(facts.map((f) => [f.id, f]));
  return rows.map((row) => {
    const { account, ...invoice } = byId.get(row.subject_id)!;
    return {
      notificationId: row.id,
      accountId: row.account_id,
      userId: row.user_id,
      recipient: recipientOf(row),
      account,
      facts: { event: "invoice_past_due", threshold: row.threshold, invoice },
    };
  });
}

// What the messages of a batch of card-expiry notifications say about each card.
export async function cardReminders(tx: Db, rows: InsertedRow[]): Promise<NewNotification[]> {
  if (rows.length === 0) return [];
  const facts = await tx
    .select({
      id: paymentMethods.id,
      brand: paymentMethods.brand,
      last4: paymentMethods.last4,
      expMonth: paymentMethods.expMonth,
      expYear: paymentMethods.expYear,
      account: accountFacts,
    })
    .from(paymentMethods)
    .innerJoin(accounts, eq(accounts.id, paymentMethods.accountId))
    .where(sql`${paymentMethods.id} = any(${idsParam(rows)}::uuid[])`);
  const byId = new Map(facts.map((f) => [f.id, f]));
  return rows.map((row) => {
    const { account, ...card } = byId.get(row.subject_id)!;
    return {
      notificationId: row.id,
      accountId: row.account_id,
      userId: row.user_id,
      recipient: recipientOf(row),
      account,
      facts: { event: "card_expiring", threshold: row.threshold, card },
    };
  });
}
