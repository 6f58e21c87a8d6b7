import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getConnection, getDb } from "@/db/client";
import { accounts, alerts, emailOutbox, invoices, paymentMethods, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/demo";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { addDays, isoDateInZone } from "@/lib/dates";
import { itOnPostgres, onPostgres } from "../support/postgres-only";

const now = new Date("2026-11-25T15:00:00Z");

describe("migrations", () => {
  it("created every table of the schema on this driver", async () => {
    const { db, driver } = await getConnection();
    const result = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`);
    const names = (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining([
        "accounts",
        "users",
        "roles",
        "role_permissions",
        "user_roles",
        "invoices",
        "invoice_lines",
        "payments",
        "payment_allocations",
        "payment_methods",
        "notification_preferences",
        "notifications",
        "alerts",
        "email_outbox",
        "support_tickets",
        "ticket_messages",
        "invoice_access_grants",
        "audit_events",
        "api_keys",
        "idempotency_keys",
        "rate_limits",
        "user_tokens",
      ]),
    );
    // The suite's database decides the driver: pg whenever a PostgreSQL URL is configured.
    expect(driver).toBe(onPostgres ? "pg" : "pglite");
  });

  it("every tenant table carries an account_id column", async () => {
    const db = await getDb();
    const result = await db.execute(sql`
      select t.table_name from information_schema.tables t
      where t.table_schema = 'public' and t.table_name not in ('accounts', 'api_keys', 'idempotency_keys', 'rate_limits', 'reminder_sweeps', 'job_leases', '__drizzle_migrations')
        and not exists (select 1 from information_schema.columns c where c.table_name = t.table_name and c.column_name = 'account_id')`);
    expect((result as unknown as { rows: unknown[] }).rows).toEqual([]);
  });
});

describe("demo seed", () => {
  it("creates the demo accounts and users with the cases other checks rely on", async () => {
    const db = await getDb();
    await seedDemoData(db, now);
    const slugs = (await db.select({ slug: accounts.slug }).from(accounts)).map((a) => a.slug).sort();
    expect(slugs).toEqual(expect.arrayContaining(["acme", "globex", "initech", "umbrella"]));
    const emails = (await db.select({ email: users.email }).from(users)).map((u) => u.email);
    expect(emails).toEqual(
      expect.arrayContaining([
        "ops@northwind.example",
        "admin@acme.example",
        "billing@acme.example",
        "viewer@acme.example",
        "member@acme.example",
        "admin@globex.example",
        "admin@initech.example",
        "admin@umbrella.example",
      ]),
    );

    const [acme] = await db.select().from(accounts).where(eq(accounts.slug, "acme"));
    const acmeInvoices = await db.select().from(invoices).where(eq(invoices.accountId, acme.id));
    expect(acmeInvoices.length).toBeGreaterThanOrEqual(60);
    expect(new Set(acmeInvoices.map((i) => i.generation))).toEqual(new Set([3, 4]));
    expect(new Set(acmeInvoices.map((i) => i.status))).toEqual(new Set(["open", "paid", "void"]));
    expect(acmeInvoices.some((i) => i.status === "open" && i.paidMinor > 0)).toBe(true);
    const today = isoDateInZone(now, acme.timeZone);
    for (const days of [2, 10, 15, 25, 30]) {
      expect(acmeInvoices.some((i) => i.status === "open" && i.dueDate === addDays(today, -days))).toBe(true);
    }
    const [{ cards }] = await db.select({ cards: count() }).from(paymentMethods).where(eq(paymentMethods.accountId, acme.id));
    expect(cards).toBe(3);

    const [umbrella] = await db.select().from(accounts).where(eq(accounts.slug, "umbrella"));
    const [{ none }] = await db.select({ none: count() }).from(invoices).where(eq(invoices.accountId, umbrella.id));
    expect(none).toBe(0);

    // The history is posted silently: the bell starts with a few real alerts, not one per invoice.
    const [admin] = await db.select().from(users).where(eq(users.email, "admin@acme.example"));
    const bell = await db.select({ title: alerts.title }).from(alerts).where(eq(alerts.userId, admin.id));
    expect(bell.length).toBeGreaterThan(3);
    expect(bell.length).toBeLessThan(15);
    expect(bell.map((a) => a.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Invoice ACME-\d+ is 10 days past due/), expect.stringMatching(/^Visa ending 4242 expires/)]),
    );
    // Only the help page's thresholds, each once per invoice (issue 13 item 7): what a daily sweep sends.
    const pastDue = bell.map((a) => a.title).filter((t) => t.includes("past due"));
    expect(pastDue.length).toBeGreaterThan(0);
    for (const title of pastDue) expect(title).toMatch(/^Invoice ACME-\d+ is (2|10|15|25|30) days past due — /);
    expect(new Set(pastDue.map((t) => t.split(" — ")[0])).size).toBe(pastDue.length);
    for (const title of bell.map((a) => a.title).filter((t) => t.includes(" expires "))) {
      expect(title).toMatch(/ expires (today|in (30|15|1) days?|within (30|15|1) days?) \(/);
    }
    // The seed is the sweep's own steady state: yesterday's sweep again sends nothing, and today's
    // sends exactly the invoices that reach a threshold today.
    expect((await runReminderSweep(db, new Date(now.getTime() - 86_400_000))).notifications).toBe(0);
    await runReminderSweep(db, now);
    const todays = (await db.select({ title: alerts.title }).from(alerts).where(eq(alerts.userId, admin.id))).map((a) => a.title).filter((t) => !bell.some((b) => b.title === t));
    expect(todays.map((t) => Number(/ is (\d+) days past due/.exec(t)?.[1])).sort((a, b) => a - b)).toEqual([2, 10, 15, 25, 30]);
    // Emails are off by default: nothing is waiting to be sent (the one failed demo email shows the operators' outbox).
    const [{ outbox }] = await db.select({ outbox: count() }).from(emailOutbox).where(eq(emailOutbox.status, "pending"));
    expect(outbox).toBe(0);

    const [globex] = await db.select().from(accounts).where(eq(accounts.slug, "globex"));
    const globexGen3 = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.accountId, globex.id), eq(invoices.generation, 3)));
    expect(globexGen3.length).toBeGreaterThan(0);
  });
});

// Every column, its type and nullability, and every constraint (CHECKs included), as one sorted
// list. NOT NULL is read from the columns: newer servers also list it in pg_constraint.
async function schemaShape(query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>) {
  const columns = await query(
    "select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable as s from information_schema.columns where table_schema = 'public' order by 1",
  );
  const constraints = await query(
    "select conrelid::regclass::text || ' ' || contype::text || ' ' || pg_get_constraintdef(oid) as s from pg_constraint where connamespace = 'public'::regnamespace and contype in ('c', 'f', 'p', 'u', 'x') order by 1",
  );
  return [...columns.rows, ...constraints.rows].map((r) => String(r.s));
}

async function migratedPglite() {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const { MIGRATIONS_FOLDER } = await import("@/db/client");
  const client = await PGlite.create("memory://");
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  return client;
}

describe("one migration history, two drivers", () => {
  it("applies the same migrations to an embedded PGlite", { timeout: 120_000 }, async () => {
    const client = await migratedPglite();
    try {
      const { rows } = await client.query<{ n: number }>("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
      expect(rows[0].n).toBeGreaterThanOrEqual(22);
    } finally {
      await client.close();
    }
  });

  itOnPostgres("gives the PostgreSQL server through pg exactly the schema PGlite gets", { timeout: 120_000 }, async () => {
    const { db, driver } = await getConnection();
    expect(driver).toBe("pg");
    const client = await migratedPglite();
    try {
      const onServer = await schemaShape(async (q) => (await db.execute(sql.raw(q))) as unknown as { rows: Record<string, unknown>[] });
      const embedded = await schemaShape((q) => client.query(q));
      expect(onServer.length).toBeGreaterThan(100);
      expect(onServer).toEqual(embedded);
    } finally {
      await client.close();
    }
  });
});
