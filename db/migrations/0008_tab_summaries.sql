CREATE TABLE "invoice_day_summaries" (
	"account_id" uuid NOT NULL,
	"issue_date" date NOT NULL,
	"status" text NOT NULL,
	"generation" smallint NOT NULL,
	"currency" text NOT NULL,
	"invoice_count" bigint NOT NULL,
	"total_minor" numeric NOT NULL,
	"paid_minor" numeric NOT NULL,
	CONSTRAINT "invoice_day_summaries_pkey" PRIMARY KEY("account_id","issue_date","status","generation","currency")
);
--> statement-breakpoint
CREATE TABLE "invoice_month_summaries" (
	"account_id" uuid NOT NULL,
	"month" date NOT NULL,
	"status" text NOT NULL,
	"generation" smallint NOT NULL,
	"currency" text NOT NULL,
	"invoice_count" bigint NOT NULL,
	"total_minor" numeric NOT NULL,
	"paid_minor" numeric NOT NULL,
	CONSTRAINT "invoice_month_summaries_pkey" PRIMARY KEY("account_id","month","status","generation","currency")
);
--> statement-breakpoint
CREATE TABLE "payment_day_summaries" (
	"account_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"payment_count" bigint NOT NULL,
	"amount_minor" numeric NOT NULL,
	CONSTRAINT "payment_day_summaries_pkey" PRIMARY KEY("account_id","received_on","status","currency")
);
--> statement-breakpoint
ALTER TABLE "invoice_day_summaries" ADD CONSTRAINT "invoice_day_summaries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_month_summaries" ADD CONSTRAINT "invoice_month_summaries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_day_summaries" ADD CONSTRAINT "payment_day_summaries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;