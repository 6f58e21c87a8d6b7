-- Keeps invoice_day_summaries, invoice_month_summaries and payment_day_summaries (db/schema/summaries.ts) equal to sums over
-- invoices and payments, in the same statement as every write to them, whichever code path wrote:
-- posting, paying, voiding, ingest, operator, seeders, set-based SQL. Statement-level triggers with
-- transition tables add one grouped delta per summary row, so a set-based seed of a million
-- invoices costs one GROUP BY, not a million upserts. Rows are upserted in key order, so two
-- statements touching the same summary rows lock them in the same order (no deadlock between them).
-- An update that changes nothing summarised (a bill-to, a void reason) nets to zero and writes nothing.
CREATE FUNCTION invoice_summaries_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added text := 'SELECT account_id, issue_date, status, generation, currency, 1 AS n, total_minor::numeric AS total_minor, paid_minor::numeric AS paid_minor FROM new_rows';
  -- A delete cascading from its account finds the account gone (and its summaries deleted with it).
  removed text := 'SELECT account_id, issue_date, status, generation, currency, -1 AS n, -total_minor::numeric AS total_minor, -paid_minor::numeric AS paid_minor FROM old_rows
    WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = old_rows.account_id)';
BEGIN
  -- One statement for every kind of write (EXECUTE sees the transition tables too): the grouped
  -- deltas by day, then the same by month, each upserted in key order.
  EXECUTE format($sql$
    WITH delta AS (%s),
    by_day AS (
      SELECT account_id, issue_date, status, generation, currency, sum(n) AS n, sum(total_minor) AS total_minor, sum(paid_minor) AS paid_minor
      FROM delta GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(total_minor) <> 0 OR sum(paid_minor) <> 0
    ),
    days AS (
      INSERT INTO invoice_day_summaries AS s (account_id, issue_date, status, generation, currency, invoice_count, total_minor, paid_minor)
      SELECT * FROM by_day ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT ON CONSTRAINT invoice_day_summaries_pkey DO UPDATE
        SET invoice_count = s.invoice_count + excluded.invoice_count, total_minor = s.total_minor + excluded.total_minor, paid_minor = s.paid_minor + excluded.paid_minor
    )
    INSERT INTO invoice_month_summaries AS s (account_id, month, status, generation, currency, invoice_count, total_minor, paid_minor)
    SELECT account_id, date_trunc('month', issue_date)::date, status, generation, currency, sum(n), sum(total_minor), sum(paid_minor)
    FROM by_day GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(total_minor) <> 0 OR sum(paid_minor) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT invoice_month_summaries_pkey DO UPDATE
      SET invoice_count = s.invoice_count + excluded.invoice_count, total_minor = s.total_minor + excluded.total_minor, paid_minor = s.paid_minor + excluded.paid_minor
  $sql$, CASE TG_OP WHEN 'INSERT' THEN added WHEN 'DELETE' THEN removed ELSE added || ' UNION ALL ' || removed END);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION payment_day_summaries_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO payment_day_summaries AS s (account_id, received_on, status, currency, payment_count, amount_minor)
    SELECT account_id, received_on, status, currency, count(*), sum(amount_minor)
    FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT payment_day_summaries_pkey DO UPDATE
      SET payment_count = s.payment_count + excluded.payment_count, amount_minor = s.amount_minor + excluded.amount_minor;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO payment_day_summaries AS s (account_id, received_on, status, currency, payment_count, amount_minor)
    SELECT account_id, received_on, status, currency, sum(n), sum(amount_minor)
    FROM (
      SELECT account_id, received_on, status, currency, 1 AS n, amount_minor::numeric AS amount_minor FROM new_rows
      UNION ALL
      SELECT account_id, received_on, status, currency, -1, -amount_minor::numeric FROM old_rows
    ) delta
    GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 OR sum(amount_minor) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT payment_day_summaries_pkey DO UPDATE
      SET payment_count = s.payment_count + excluded.payment_count, amount_minor = s.amount_minor + excluded.amount_minor;
  ELSE
    INSERT INTO payment_day_summaries AS s (account_id, received_on, status, currency, payment_count, amount_minor)
    SELECT account_id, received_on, status, currency, -count(*), -sum(amount_minor)
    FROM old_rows WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = old_rows.account_id)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT payment_day_summaries_pkey DO UPDATE
      SET payment_count = s.payment_count + excluded.payment_count, amount_minor = s.amount_minor + excluded.amount_minor;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION day_summaries_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'invoices' THEN DELETE FROM invoice_day_summaries; DELETE FROM invoice_month_summaries; ELSE DELETE FROM payment_day_summaries; END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_summaries_insert AFTER INSERT ON invoices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION invoice_summaries_apply();
--> statement-breakpoint
CREATE TRIGGER invoices_summaries_update AFTER UPDATE ON invoices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION invoice_summaries_apply();
--> statement-breakpoint
CREATE TRIGGER invoices_summaries_delete AFTER DELETE ON invoices REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION invoice_summaries_apply();
--> statement-breakpoint
CREATE TRIGGER invoices_summaries_truncate AFTER TRUNCATE ON invoices FOR EACH STATEMENT EXECUTE FUNCTION day_summaries_truncate();
--> statement-breakpoint
CREATE TRIGGER payments_summaries_insert AFTER INSERT ON payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_day_summaries_apply();
--> statement-breakpoint
CREATE TRIGGER payments_summaries_update AFTER UPDATE ON payments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_day_summaries_apply();
--> statement-breakpoint
CREATE TRIGGER payments_summaries_delete AFTER DELETE ON payments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_day_summaries_apply();
--> statement-breakpoint
CREATE TRIGGER payments_summaries_truncate AFTER TRUNCATE ON payments FOR EACH STATEMENT EXECUTE FUNCTION day_summaries_truncate();
--> statement-breakpoint
-- Existing rows, after the triggers exist: creating a trigger locks out writers until this migration
-- commits, so no write falls between the backfill and the first trigger run.
INSERT INTO invoice_day_summaries (account_id, issue_date, status, generation, currency, invoice_count, total_minor, paid_minor)
SELECT account_id, issue_date, status, generation, currency, count(*), sum(total_minor), sum(paid_minor) FROM invoices GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO invoice_month_summaries (account_id, month, status, generation, currency, invoice_count, total_minor, paid_minor)
SELECT account_id, date_trunc('month', issue_date)::date, status, generation, currency, count(*), sum(total_minor), sum(paid_minor) FROM invoices GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO payment_day_summaries (account_id, received_on, status, currency, payment_count, amount_minor)
SELECT account_id, received_on, status, currency, count(*), sum(amount_minor) FROM payments GROUP BY 1, 2, 3, 4;
