DROP INDEX "alerts_user_created_idx";--> statement-breakpoint
DROP INDEX "support_tickets_account_created_idx";--> statement-breakpoint
DROP INDEX "audit_events_account_created_idx";--> statement-breakpoint
CREATE INDEX "alerts_user_created_idx" ON "alerts" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "support_tickets_account_created_idx" ON "support_tickets" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_account_created_idx" ON "audit_events" USING btree ("account_id","created_at","id");