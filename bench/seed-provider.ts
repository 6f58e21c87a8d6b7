import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { BUILT_IN_ROLES } from "@/lib/access/permissions";

export type ProviderShape = {
  accounts: number;
  // Cards per account (200 000 in all at 10 000 accounts).
  cardsPerAccount: number;
  // The calendar day the data is "as of" (UTC).
  today: string;
};

const ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "Pacific/Auckland", "America/Los_Angeles"];

// Invoices of account number g: most accounts small, a few with tens of thousands. At 10 000
// accounts: 10 × 20 000 + 990 × 400 + 9 000 × 45 = 1 001 000 invoices; a tenth of the accounts
// keeps the same mix at a tenth of the size.
const INVOICES_OF = (accounts: number) => sql`(case when g <= ${Math.max(1, accounts / 1000)} then 20000 when g <= ${accounts / 10} then 400 else 45 end)`;

// A provider-shaped dataset in a handful of set-based statements (generate_series): accounts in six
// time zones and on both invoice generations, the four built-in roles each, 3 users per account
// (an administrator, a billing manager, a billing viewer) with mixed channel preferences, invoices
// over the last three years (85 % paid, 3 % void, 12 % open: the open ones mostly past due), and
// cards expiring over five years around today (10 % removed).
export async function seedProvider(db: Db, shape: ProviderShape): Promise<void> {
  const { accounts: count, cardsPerAccount, today } = shape;
  const zones = sql.raw(`array[${ZONES.map((z) => `'${z}'`).join(",")}]`);
  await db.execute(sql`
    insert into accounts (slug, name, time_zone, currency, invoice_generation, upgraded_at)
    select 'p-' || g, 'Provider Customer ' || g, (${zones})[1 + g % ${ZONES.length}], 'USD',
           case when g % 10 < 7 then 4 else 3 end,
           case when g % 10 < 6 then ${today}::date - 730 when g % 10 = 6 then ${today}::date - 10 end
    from generate_series(1, ${count}::int) g`);

  const roleRows = sql.join(
    BUILT_IN_ROLES.map((r) => sql`(${r.key}, ${r.name})`),
    sql`, `,
  );
  await db.execute(sql`
    insert into roles (account_id, name, built_in_key, is_built_in)
    select a.id, r.name, r.key, true from accounts a cross join (values ${roleRows}) as r(key, name)`);
  const grants = sql.join(
    BUILT_IN_ROLES.flatMap((r) => r.permissions.map((p) => sql`(${r.key}, ${p})`)),
    sql`, `,
  );
  await db.execute(sql`
    insert into role_permissions (account_id, role_id, permission)
    select ro.account_id, ro.id, p.permission from roles ro join (values ${grants}) as p(key, permission) on p.key = ro.built_in_key`);

  // Users 1..3 of each account: admin, billing manager, billing viewer.
  await db.execute(sql`
    insert into users (account_id, email, name)
    select a.id, 'u' || n || '@' || a.slug || '.bench', 'User ' || n || ' of ' || a.slug
    from accounts a cross join generate_series(1, 3) n`);
  await db.execute(sql`
    insert into user_roles (account_id, user_id, role_id)
    select u.account_id, u.id, ro.id
    from users u join roles ro on ro.account_id = u.account_id
      and ro.built_in_key = (array['account_admin', 'billing_manager', 'billing_viewer'])[substring(u.email from 2 for 1)::int]
    where u.account_id is not null`);
  // Mixed preferences by a hash of the user: a third keep the defaults (alert only), a third
  // alert and email, a sixth email only, a sixth nothing.
  await db.execute(sql`
    insert into notification_preferences (account_id, user_id, category, alert, email)
    select account_id, id, 'billing', k in (2, 3), k in (2, 3, 4)
    from (select account_id, id, abs(hashtext(id::text)) % 6 as k from users where account_id is not null) u
    where k >= 2`);

  await db.execute(sql`
    insert into invoices (account_id, number, generation, status, issue_date, due_date, period_start, period_end, currency,
                          subtotal_minor, tax_minor, total_minor, paid_minor, voided_at)
    select a.id, 'PV-' || lpad(i::text, 6, '0'), d.generation, s.status, d.issue, d.issue + 30, d.issue - 30, d.issue - 1, 'USD',
           m.subtotal, m.subtotal / 5, m.subtotal + m.subtotal / 5,
           case when s.status = 'paid' then m.subtotal + m.subtotal / 5 when s.status = 'open' and i % 4 = 0 then (m.subtotal + m.subtotal / 5) / 2 else 0 end,
           case when s.status = 'void' then now() end
    from (select id, row_number() over (order by slug) as g, upgraded_at from accounts) a
    cross join lateral generate_series(1, ${INVOICES_OF(count)}) i
    cross join lateral (select ${today}::date - ((i::bigint * 1096) / ${INVOICES_OF(count)})::int as issue) t
    cross join lateral (select t.issue, case when a.upgraded_at is not null and t.issue < a.upgraded_at::date then 3 else 4 end as generation) d
    cross join lateral (select case when (i * 7 + g) % 100 < 85 then 'paid' when (i * 7 + g) % 100 < 88 then 'void' else 'open' end as status) s
    cross join lateral (select 1000 + ((i * 7919 + g) % 100000)::bigint as subtotal) m`);

  await db.execute(sql`
    insert into payment_methods (account_id, brand, last4, exp_month, exp_year, holder_name, is_default, processor_token, removed_at)
    select a.id, 'visa', lpad(((c * 37 + g) % 10000)::text, 4, '0'), 1 + (e.m % 12), e.m / 12, 'Holder ' || c, false, 'tok_' || g || '_' || c,
           case when c % 10 = 0 then now() end
    from (select id, row_number() over (order by slug) as g from accounts) a
    cross join generate_series(1, ${cardsPerAccount}::int) c
    cross join lateral (select (extract(year from ${today}::date)::int * 12 + extract(month from ${today}::date)::int - 1) - 12 + ((c * 13 + g) % 60)::int as m) e`);

  await db.execute(sql`vacuum (analyze) accounts, roles, role_permissions, users, user_roles, notification_preferences, invoices, payment_methods`);
}
