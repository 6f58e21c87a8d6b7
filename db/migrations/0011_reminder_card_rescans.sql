-- Marks in reminder_rescans (migration 0010) the accounts where a write may have made a card-expiry
-- reminder due other than by the calendar (lib/notifications/sweep-window.ts): a card added, a
-- removed card brought back, or a card given another expiry month (or moved to another account).
-- Removing a card only ends reminders. A windowed sweep reads these accounts' cards in full.
CREATE TRIGGER payment_methods_reminder_rescans_insert AFTER INSERT ON payment_methods REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT account_id FROM new_rows WHERE removed_at IS NULL');
--> statement-breakpoint
CREATE TRIGGER payment_methods_reminder_rescans_update AFTER UPDATE ON payment_methods REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT n.account_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.removed_at IS NULL
    AND (o.removed_at IS NOT NULL OR o.exp_year <> n.exp_year OR o.exp_month <> n.exp_month OR o.account_id <> n.account_id)');
