CREATE TABLE "change_feed_marks" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"high_water" text NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_outcome" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intuit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intuit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"connection_id" uuid NOT NULL,
	"event_key" text NOT NULL,
	"source" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"operation" text NOT NULL,
	"occurred_at" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "invoice_sends" (
	"connection_id" uuid NOT NULL,
	"invoice_id" text NOT NULL,
	"request_id" text NOT NULL,
	"state" text NOT NULL,
	"sent_to" text NOT NULL,
	"pending_since" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "invoice_sends_connection_id_invoice_id_request_id_pk" PRIMARY KEY("connection_id","invoice_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "payment_applications" (
	"connection_id" uuid NOT NULL,
	"payment_id" text NOT NULL,
	"quickbooks_invoice_id" text NOT NULL,
	"invoice_id" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"payment_date" text,
	"version" integer NOT NULL,
	"state" text NOT NULL,
	"last_event_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_applications_connection_id_payment_id_quickbooks_invoice_id_pk" PRIMARY KEY("connection_id","payment_id","quickbooks_invoice_id")
);
--> statement-breakpoint
CREATE TABLE "upstream_invoices" (
	"connection_id" uuid NOT NULL,
	"invoice_id" text NOT NULL,
	"submitted_revision" integer NOT NULL,
	"submitted" jsonb NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"revision" integer,
	"content_hash" text,
	"quickbooks_id" text,
	"quickbooks_number" text,
	"customer_id" text,
	"total_cents" bigint,
	"balance_cents" bigint,
	"payment_status" text DEFAULT 'open' NOT NULL,
	"copied_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"sent_to" text,
	"gone_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upstream_invoices_connection_id_invoice_id_pk" PRIMARY KEY("connection_id","invoice_id")
);
--> statement-breakpoint
ALTER TABLE "change_feed_marks" ADD CONSTRAINT "change_feed_marks_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intuit_events" ADD CONSTRAINT "intuit_events_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_sends" ADD CONSTRAINT "invoice_sends_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_applications" ADD CONSTRAINT "payment_applications_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upstream_invoices" ADD CONSTRAINT "upstream_invoices_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intuit_events_key_idx" ON "intuit_events" USING btree ("connection_id","event_key");--> statement-breakpoint
CREATE INDEX "intuit_events_pending_idx" ON "intuit_events" USING btree ("connection_id","id") WHERE processed_at is null;--> statement-breakpoint
CREATE INDEX "payment_applications_invoice_idx" ON "payment_applications" USING btree ("connection_id","invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "upstream_invoices_quickbooks_idx" ON "upstream_invoices" USING btree ("connection_id","quickbooks_id");