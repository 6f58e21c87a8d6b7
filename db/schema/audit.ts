import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

// Append-only record of security-relevant actions (R-P6). account_id is null for provider-only events.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    // Kept as plain values (no foreign key) so the record survives the actor's deletion.
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    actorKind: text("actor_kind", { enum: ["user", "operator", "api", "system", "anonymous"] }).notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Ascending on purpose: a backward scan serves ORDER BY … DESC (a DESC NULLS LAST index does not).
    index("audit_events_account_created_idx").on(t.accountId, t.createdAt, t.id),
    index("audit_events_action_idx").on(t.action),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
