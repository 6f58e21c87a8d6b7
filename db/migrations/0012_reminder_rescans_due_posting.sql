-- Migration 0010's insert trigger marked the account of every invoice posted open, so a monthly
-- billing day (thousands of invoices due weeks ahead) made the next sweep read those accounts in
-- full. A posted invoice needs a mark only where the day window (lib/notifications/sweep-window.ts)
-- can no longer see it: when its first threshold (2 days past due) may be crossed, in the account's
-- zone, at a sweep that does not see the invoice. Such a sweep runs on UTC day D + 1 at the latest,
-- D being the day of the latest sweep on record or today by the clock if later (tests and the
-- cluster script time-travel sweeps, so not the clock alone; the day of slack is for a sweep that
-- starts while this transaction is still open), and an account's day is then D + 2 at the latest:
-- due_date + 2 <= D + 2. Every later threshold, and the first one of a later due date, comes into a
-- sweep's window by the calendar, as for an invoice that was already there.
CREATE OR REPLACE TRIGGER invoices_reminder_rescans_insert AFTER INSERT ON invoices REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reminder_rescans_mark('SELECT account_id FROM new_rows WHERE status = ''open''
    AND due_date <= (SELECT (greatest(max(sweep_at), clock_timestamp()) AT TIME ZONE ''UTC'')::date FROM reminder_sweeps)');
