import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

// Roles belong to an account; built-in ones carry a stable key and cannot be edited (R-P2).
export const roles = pgTable(
  "roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    builtInKey: text("built_in_key"),
    isBuiltIn: boolean("is_built_in").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("roles_account_id_idx").on(t.accountId),
    unique("roles_id_account_id_key").on(t.id, t.accountId),
    uniqueIndex("roles_account_name_key").on(t.accountId, sql`lower(${t.name})`),
    uniqueIndex("roles_account_built_in_key").on(t.accountId, t.builtInKey),
    check("roles_built_in_has_key", sql`${t.isBuiltIn} = (${t.builtInKey} is not null)`),
  ],
);

export const rolePermissions = pgTable(
  "role_permissions",
  {
    accountId: uuid("account_id").notNull(),
    roleId: uuid("role_id").notNull(),
    permission: text("permission").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roleId, t.permission] }),
    index("role_permissions_account_id_idx").on(t.accountId),
    foreignKey({ columns: [t.roleId, t.accountId], foreignColumns: [roles.id, roles.accountId] }).onDelete("cascade"),
    check("role_permissions_known", sql`${t.permission} in ('invoices.view', 'payments.read', 'payments.update', 'users.manage', 'support.use')`),
  ],
);

// Composite foreign keys make a user/role pair from two different accounts impossible.
export const userRoles = pgTable(
  "user_roles",
  {
    accountId: uuid("account_id").notNull(),
    userId: uuid("user_id").notNull(),
    roleId: uuid("role_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.roleId] }),
    index("user_roles_account_id_idx").on(t.accountId),
    index("user_roles_role_id_idx").on(t.roleId),
    foreignKey({ columns: [t.userId, t.accountId], foreignColumns: [users.id, users.accountId] }).onDelete("cascade"),
    foreignKey({ columns: [t.roleId, t.accountId], foreignColumns: [roles.id, roles.accountId] }).onDelete("cascade"),
  ],
);

export type Role = typeof roles.$inferSelect;
