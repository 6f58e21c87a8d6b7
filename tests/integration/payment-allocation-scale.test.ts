import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { POST as postPaymentRoute } from "@/app/api/v1/payments/route";
import { getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { createTestAccount, createTestApiKey, createTestOperator } from "../support/factories";
import { describeOnPostgres, itOnPostgres } from "../support/postgres-only";

// Issue 16: no statement carries an unbounded list of bind parameters. An oldest-first payment may
// settle any number of invoices; 20 000 of them took 80 000 parameters to insert the allocations
// one row each (PostgreSQL takes 65 535). PostgreSQL only: the point is the real server's limit.
const INVOICES = 20_000;

describeOnPostgres("a payment settling tens of thousands of invoices", () => {
  itOnPostgres("is recorded through the ingest API, every invoice paid and allocated once", { timeout: 300_000 }, async () => {
    const db = await getDb();
    const key = await createTestApiKey(await createTestOperator());
    const account = await createTestAccount();
    await db.execute(sql`
      insert into invoices (account_id, number, generation, status, issue_date, due_date, period_start, period_end, currency, subtotal_minor, tax_minor, total_minor)
      select ${account.account.id}, 'BULK-' || g, 4, 'open', date '2026-10-01', date '2026-10-31', date '2026-09-01', date '2026-09-30', 'USD', 100, 0, 100
      from generate_series(1, ${INVOICES}::int) g`);

    const response = await postPaymentRoute(
      new Request("http://localhost/api/v1/payments", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key.secret}`, "idempotency-key": randomUUID() },
        body: JSON.stringify({ account: account.account.slug, currency: "USD", receivedOn: "2026-11-15", amountMinor: INVOICES * 100, reference: "BULK", method: "bank_transfer" }),
      }),
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.payment.allocations).toHaveLength(INVOICES);
    expect(body.payment.unallocatedMinor).toBe(0);
    expect(body.payment.allocations.every((a: { invoiceStatus: string; invoiceBalanceMinor: number }) => a.invoiceStatus === "paid" && a.invoiceBalanceMinor === 0)).toBe(true);

    const [row] = await rawRows<{ open: number; allocations: number; distinct_invoices: number }>(
      db,
      sql`select (select count(*) from invoices where account_id = ${account.account.id} and status = 'open')::int as open,
                 (select count(*) from payment_allocations where account_id = ${account.account.id})::int as allocations,
                 (select count(distinct invoice_id) from payment_allocations where account_id = ${account.account.id})::int as distinct_invoices`,
    );
    expect(row).toEqual({ open: 0, allocations: INVOICES, distinct_invoices: INVOICES });
  });
});
