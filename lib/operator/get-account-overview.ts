import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, invoiceMonthSummaries, paymentDaySummaries, payments, roles, supportTickets, userRoles, users } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import { viewerAccountColumns, type Operator } from "@/lib/access/load-viewer";
import { AppError } from "@/lib/errors";
import { balanceDueSql } from "@/lib/invoices/balance-due";
import { sumMinorWhere } from "@/lib/money-sql";
import { parseId } from "@/lib/validation";
import { listAccountInvoicesForOperator } from "./list-account-invoices";

const PAYMENT_LIMIT = 25;
const TICKET_LIMIT = 100;
const OPEN = sql`${invoiceMonthSummaries.status} = 'open'`;

// One account's basics for the operator's forms (currency, time zone, generation).
// Note: operator-only and deliberately across accounts.
export async function getAccountSummary(operator: Operator, accountId: string) {
  requireOperator(operator);
  parseId(accountId, "Account not found");
  const db = await getDb();
  const [account] = await db.select(viewerAccountColumns).from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new AppError("not_found", "Account not found");
  return account;
}

// Everything the operator's account page shows: the account, one page of its invoices (the latest
// unless `invoicePage` says otherwise), its latest payments,
// its users with their roles (read-only), and its tickets.
// Note: operator-only and deliberately across accounts.
export async function getAccountOverview(operator: Operator, accountId: string, invoicePage: { older?: string; newer?: string } = {}) {
  const account = await getAccountSummary(operator, accountId);
  const db = await getDb();
  const [invoicePageRows, paymentRows, userRows, ticketRows, [counts]] = await Promise.all([
    listAccountInvoicesForOperator(operator, accountId, invoicePage),
    db
      .select({
        id: payments.id,
        receivedOn: payments.receivedOn,
        amountMinor: payments.amountMinor,
        currency: payments.currency,
        method: payments.method,
        reference: payments.reference,
        status: payments.status,
      })
      .from(payments)
      .where(eq(payments.accountId, accountId))
      .orderBy(desc(payments.receivedOn), desc(payments.createdAt))
      .limit(PAYMENT_LIMIT),
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        disabledAt: users.disabledAt,
        roles: sql<string[]>`coalesce(array_agg(distinct ${roles.name}) filter (where ${roles.name} is not null), '{}')`,
      })
      .from(users)
      .leftJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.accountId, users.accountId)))
      .leftJoin(roles, and(eq(roles.id, userRoles.roleId), eq(roles.accountId, userRoles.accountId)))
      .where(eq(users.accountId, accountId))
      .groupBy(users.id)
      .orderBy(asc(users.name)),
    db
      .select({ id: supportTickets.id, subject: supportTickets.subject, category: supportTickets.category, status: supportTickets.status, updatedAt: supportTickets.updatedAt })
      .from(supportTickets)
      .where(eq(supportTickets.accountId, accountId))
      .orderBy(desc(supportTickets.updatedAt))
      .limit(TICKET_LIMIT),
    // From the per-month and per-day summaries (db/schema/summaries.ts): a few hundred rows
    // however many invoices the account has. An operator sees every invoice, so no visibility rule.
    db
      .select({
        invoices: sql<number>`coalesce(sum(${invoiceMonthSummaries.invoiceCount}), 0)`.mapWith(Number),
        open: sql<number>`coalesce(sum(${invoiceMonthSummaries.invoiceCount}) filter (where ${OPEN}), 0)`.mapWith(Number),
        openBalanceMinor: sumMinorWhere(balanceDueSql(invoiceMonthSummaries.status, invoiceMonthSummaries.totalMinor, invoiceMonthSummaries.paidMinor), OPEN),
        payments:
          sql<number>`(select coalesce(sum(${paymentDaySummaries.paymentCount}), 0) from ${paymentDaySummaries} where ${paymentDaySummaries.accountId} = ${accountId})`.mapWith(
            Number,
          ),
      })
      .from(invoiceMonthSummaries)
      .where(eq(invoiceMonthSummaries.accountId, accountId)),
  ]);

  return {
    account,
    invoices: invoicePageRows.rows,
    invoicePages: { older: invoicePageRows.olderCursor, newer: invoicePageRows.newerCursor },
    payments: paymentRows,
    counts,
    users: userRows.map((u) => ({ ...u, roles: [...u.roles].sort() })),
    tickets: ticketRows,
  };
}

export type AccountOverview = Awaited<ReturnType<typeof getAccountOverview>>;
