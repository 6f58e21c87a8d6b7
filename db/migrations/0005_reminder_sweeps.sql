CREATE TABLE "reminder_sweeps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sweep_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"batches" integer DEFAULT 0 NOT NULL,
	"notifications" integer DEFAULT 0 NOT NULL,
	"alerts" integer DEFAULT 0 NOT NULL,
	"emails" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "reminder_sweeps_started_idx" ON "reminder_sweeps" USING btree ("started_at","id");--> statement-breakpoint
CREATE INDEX "invoices_open_account_id_idx" ON "invoices" USING btree ("account_id","id") WHERE "invoices"."status" = 'open';--> statement-breakpoint
CREATE INDEX "payment_methods_expiry_idx" ON "payment_methods" USING btree ("exp_year","exp_month") WHERE "payment_methods"."removed_at" is null;