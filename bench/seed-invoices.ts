import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

// Seeds one account with `count` invoices in a few set-based statements (generate_series), then
// a payment with its allocation for every invoice that has something paid on it.
//
// Shape: issue dates spread evenly over the last ten years (about 27 per day, so many ties on the
// sort value); the account was upgraded to Generation 4 eight years ago, so the oldest fifth are
// hidden Generation 3 invoices, nearly all settled. Of the rest, 75 % are open (a third of them
// partly paid), 20 % paid, 5 % void: enough open invoices for page 2000 of the Open tab.
export async function seedBenchInvoices(db: Database, accountId: string, today: string, upgradeDay: string, count: number): Promise<void> {
  await db.execute(sql`
    insert into invoices (account_id, number, generation, status, issue_date, due_date, period_start, period_end, currency, bill_to,
                          subtotal_minor, tax_minor, total_minor, paid_minor, voided_at)
    select ${accountId}, 'BN-' || lpad(g::text, 7, '0'), d.generation, s.status, d.issue, d.issue + 30, d.issue - 30, d.issue - 1, 'USD', 'Bench Corp',
           a.subtotal, a.subtotal / 5, a.subtotal + a.subtotal / 5,
           case when s.status = 'paid' then a.subtotal + a.subtotal / 5
                when s.status = 'open' and g % 3 = 0 then (a.subtotal + a.subtotal / 5) / 2
                else 0 end,
           case when s.status = 'void' then now() end
    from generate_series(1, ${count}::int) as g
    cross join lateral (select (${today}::date - ((${count}::int - g)::bigint * 3650 / ${count}::int)::int) as issue) i
    cross join lateral (select i.issue, case when i.issue < ${upgradeDay}::date then 3 else 4 end as generation) d
    cross join lateral (select case when d.generation = 3 then (case when g % 50 = 0 then 'open' else 'paid' end)
                                    when g % 20 = 0 then 'void' when g % 5 = 1 then 'paid' else 'open' end as status) s
    cross join lateral (select 1000 + (g::bigint * 7919) % 100000 as subtotal) a`);

  await db.execute(sql`
    insert into payments (account_id, received_on, amount_minor, currency, reference, method, status)
    select account_id, due_date - 3, paid_minor, currency, 'PAY-' || number, 'bank_transfer', 'succeeded'
    from invoices where account_id = ${accountId} and paid_minor > 0`);

  // Fresh statistics first: with those of an earlier, smaller seed in the same database (the
  // 10 000 vs 1 000 000 bench seeds two accounts), the planner joins these by nested loop for hours.
  await db.execute(sql`analyze invoices, payments`);
  await db.execute(sql`
    insert into payment_allocations (account_id, payment_id, invoice_id, amount_minor)
    select p.account_id, p.id, i.id, p.amount_minor
    from payments p join invoices i on i.account_id = p.account_id and p.reference = 'PAY-' || i.number
    where p.account_id = ${accountId}`);

  // A table in steady state, as in production: without the vacuum, whichever query reads the
  // fresh rows first pays for setting their hint bits, which skews the export-vs-COPY comparison.
  await db.execute(sql`vacuum (analyze) invoices, payments, payment_allocations`);
}
