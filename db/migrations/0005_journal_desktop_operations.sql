CREATE TABLE "qbd_operations" (
	"key" text PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"workflow_id" text NOT NULL,
	"generation" integer DEFAULT 1 NOT NULL,
	"blocked_since" timestamp (3) with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "qbd_requests_owner_idx";--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD COLUMN "pending_attempt" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "pending_attempt" text;--> statement-breakpoint
ALTER TABLE "qbd_requests" ADD COLUMN "journal_key" text;--> statement-breakpoint
ALTER TABLE "qbd_requests" ADD COLUMN "workflow_id" text;--> statement-breakpoint
ALTER TABLE "qbd_operations" ADD CONSTRAINT "qbd_operations_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qbd_operations_blocked_idx" ON "qbd_operations" USING btree ("connection_id","blocked_since");--> statement-breakpoint
-- holds only keep a live Web Connector session open for a few seconds; the old ones (one per activity attempt) go
DELETE FROM "qbd_holds";--> statement-breakpoint
CREATE UNIQUE INDEX "qbd_holds_holder_idx" ON "qbd_holds" USING btree ("holder");--> statement-breakpoint
CREATE INDEX "qbd_requests_owner_idx" ON "qbd_requests" USING btree ("owner","journal_key");--> statement-breakpoint
ALTER TABLE "qbd_requests" DROP COLUMN "owner_attempt";