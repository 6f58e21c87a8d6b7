ALTER TABLE "users" DROP CONSTRAINT "users_email_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "users_login_email_key" ON "users" USING btree ("email") WHERE "users"."password_hash" is not null;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_account_email_key" UNIQUE("account_id","email");