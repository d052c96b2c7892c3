ALTER TABLE "qbd_auth_failures" ALTER COLUMN "connection_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "qbd_auth_failures" ADD COLUMN "source" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "qbd_auth_failures_source_idx" ON "qbd_auth_failures" USING btree ("source","failed_at");