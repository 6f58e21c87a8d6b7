import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { isIsoDate } from "@/lib/dates";
import { invoiceListColumns } from "@/lib/invoices/invoice-list-query";

export const ACCOUNT_INVOICES_PAGE_SIZE = 50;

// A page position: the issue date and number of the row a page starts after (older) or before
// (newer). Opaque in the URL; anything malformed reads as the first page.
const positionSchema = z.tuple([z.string().refine(isIsoDate), z.string().min(1).max(64)]);
type Position = z.output<typeof positionSchema>;

function encodePosition(row: { issueDate: string; number: string }): string {
  return Buffer.from(JSON.stringify([row.issueDate, row.number]), "utf8").toString("base64url");
}

function decodePosition(token: string | undefined): Position | null {
  if (!token || token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type AccountInvoicesPage = Awaited<ReturnType<typeof listAccountInvoicesForOperator>>;

// One account's invoices for the operator, newest first (issue date, then number), keyset-paged:
// `older` pages forward from a row, `newer` back; every page costs the same however deep.
// Note: operator-only and deliberately across accounts; the caller has checked the account exists.
export async function listAccountInvoicesForOperator(operator: Operator, accountId: string, page: { older?: string; newer?: string } = {}, pageSize = ACCOUNT_INVOICES_PAGE_SIZE) {
  requireOperator(operator);
  const older = decodePosition(page.older);
  const newer = older ? null : decodePosition(page.newer);
  const key = sql`(${invoices.issueDate}, ${invoices.number})`;
  const db = await getDb();
  const fetched = await db
    // The lists' own columns, so a balance (0 on a void invoice) reads as it does to the customer.
    .select(invoiceListColumns)
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), older ? sql`${key} < (${older[0]}::date, ${older[1]})` : newer ? sql`${key} > (${newer[0]}::date, ${newer[1]})` : undefined))
    .orderBy(...(newer ? [asc(invoices.issueDate), asc(invoices.number)] : [desc(invoices.issueDate), desc(invoices.number)]))
    .limit(pageSize + 1);
  const more = fetched.length > pageSize;
  const rows = fetched.slice(0, pageSize);
  if (newer) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    olderCursor: last && (newer || more) ? encodePosition(last) : null,
    newerCursor: first && (older || (newer && more)) ? encodePosition(first) : null,
  };
}
