import { sql } from "drizzle-orm";
import { check, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";

// A customer account of the provider: the tenant every other table hangs from.
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    locale: text("locale").notNull().default("en-US"),
    currency: text("currency").notNull().default("USD"),
    billTo: text("bill_to").notNull().default(""),
    // 3 until the account is upgraded; upgradedAt records the instant it became 4 (R-G1).
    invoiceGeneration: smallint("invoice_generation").notNull().default(3),
    upgradedAt: timestamp("upgraded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("accounts_slug_format", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]*$'`),
    check("accounts_currency_format", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("accounts_generation_valid", sql`${t.invoiceGeneration} in (3, 4)`),
    check("accounts_upgrade_consistent", sql`(${t.invoiceGeneration} = 3 and ${t.upgradedAt} is null) or (${t.invoiceGeneration} = 4 and ${t.upgradedAt} is not null)`),
  ],
);

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;
