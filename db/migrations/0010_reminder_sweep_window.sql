CREATE TABLE "reminder_rescans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reminder_rescans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" uuid NOT NULL,
	"marked_xid" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reminder_sweeps" ADD COLUMN "start_snapshot" text;--> statement-breakpoint
ALTER TABLE "reminder_rescans" ADD CONSTRAINT "reminder_rescans_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminder_rescans_account_id_idx" ON "reminder_rescans" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "invoices_open_due_idx" ON "invoices" USING btree ("due_date","account_id","id") WHERE "invoices"."status" = 'open';--> statement-breakpoint
-- Marks in reminder_rescans the accounts where a write may have made a past-due reminder due other
-- than by the calendar (lib/notifications/sweep-window.ts), in the writing statement, whichever code
-- path wrote. The trigger's argument is a query over the transition tables giving the account ids;
-- the mark carries the writing transaction's id, so a sweep knows whether its base could see it.
-- Statement-level and insert-only: a set-based seed of a million invoices adds one row per account,
-- and concurrent writers never wait on each other's marks.
CREATE FUNCTION reminder_rescans_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('INSERT INTO reminder_rescans (account_id, marked_xid)
    SELECT DISTINCT account_id, pg_current_xact_id()::text::bigint FROM (%s) AS changed(account_id) WHERE account_id IS NOT NULL', TG_ARGV[0]);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An invoice posted open (perhaps already past due), or one that becomes open, moves its due date,
-- becomes visible (Generation 4) or gets a balance again. Paying and voiding only end reminders.
CREATE TRIGGER invoices_reminder_rescans_insert AFTER INSERT ON invoices REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT account_id FROM new_rows WHERE status = ''open''');
--> statement-breakpoint
CREATE TRIGGER invoices_reminder_rescans_update AFTER UPDATE ON invoices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT n.account_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.status = ''open''
    AND (o.status <> ''open'' OR o.due_date <> n.due_date OR o.generation <> n.generation OR (o.total_minor - o.paid_minor <= 0 AND n.total_minor - n.paid_minor > 0))');
--> statement-breakpoint
-- A hidden Generation 3 invoice granted back (R-G3), or a grant extended.
CREATE TRIGGER invoice_access_grants_reminder_rescans_insert AFTER INSERT ON invoice_access_grants REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT account_id FROM new_rows');
--> statement-breakpoint
CREATE TRIGGER invoice_access_grants_reminder_rescans_update AFTER UPDATE ON invoice_access_grants REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT account_id FROM new_rows');
--> statement-breakpoint
-- A recipient added or enabled (R-N4).
CREATE TRIGGER users_reminder_rescans_insert AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT account_id FROM new_rows WHERE disabled_at IS NULL');
--> statement-breakpoint
CREATE TRIGGER users_reminder_rescans_update AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT n.account_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.disabled_at IS NULL AND (o.disabled_at IS NOT NULL OR o.account_id IS DISTINCT FROM n.account_id)');
--> statement-breakpoint
-- A role given to a user, or a permission to a role.
CREATE TRIGGER user_roles_reminder_rescans_insert AFTER INSERT ON user_roles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT account_id FROM new_rows');
--> statement-breakpoint
CREATE TRIGGER user_roles_reminder_rescans_update AFTER UPDATE ON user_roles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT account_id FROM new_rows');
--> statement-breakpoint
CREATE TRIGGER role_permissions_reminder_rescans_insert AFTER INSERT ON role_permissions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT account_id FROM new_rows');
--> statement-breakpoint
CREATE TRIGGER role_permissions_reminder_rescans_update AFTER UPDATE ON role_permissions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT account_id FROM new_rows');
--> statement-breakpoint
-- A Billing channel switched on for someone who had none (R-N2).
CREATE TRIGGER notification_preferences_reminder_rescans_insert AFTER INSERT ON notification_preferences REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT account_id FROM new_rows WHERE alert OR email');
--> statement-breakpoint
CREATE TRIGGER notification_preferences_reminder_rescans_update AFTER UPDATE ON notification_preferences REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT n.account_id FROM new_rows n JOIN old_rows o ON o.user_id = n.user_id AND o.category = n.category
    WHERE (n.alert OR n.email) AND NOT (o.alert OR o.email)');
--> statement-breakpoint
-- Generation 3 invoices visible again: an upgrade moved or undone.
CREATE TRIGGER accounts_reminder_rescans_update AFTER UPDATE ON accounts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.invoice_generation IS DISTINCT FROM o.invoice_generation OR n.upgraded_at IS DISTINCT FROM o.upgraded_at');
