DROP INDEX "invoices_account_issue_idx";--> statement-breakpoint
DROP INDEX "payments_account_received_idx";--> statement-breakpoint
CREATE INDEX "invoices_account_total_idx" ON "invoices" USING btree ("account_id","total_minor","id");--> statement-breakpoint
CREATE INDEX "payments_account_amount_idx" ON "payments" USING btree ("account_id","amount_minor","id");--> statement-breakpoint
CREATE INDEX "invoices_account_issue_idx" ON "invoices" USING btree ("account_id","issue_date","id");--> statement-breakpoint
CREATE INDEX "payments_account_received_idx" ON "payments" USING btree ("account_id","received_on","id");