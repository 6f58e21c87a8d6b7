import { foreignKey, index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

// One row per list export streaming right now, so the per-user cap on concurrent exports holds
// across every app instance (R-R4). A lease expires unless the download renews it, so a crashed
// instance frees its slots by itself.
export const exportLeases = pgTable(
  "export_leases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("export_leases_account_id_idx").on(t.accountId),
    index("export_leases_user_expires_idx").on(t.userId, t.expiresAt),
    foreignKey({ columns: [t.userId, t.accountId], foreignColumns: [users.id, users.accountId] }).onDelete("cascade"),
  ],
);
