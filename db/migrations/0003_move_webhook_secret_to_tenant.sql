ALTER TABLE "tenants" ADD COLUMN "webhook_secret" text;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "secret";