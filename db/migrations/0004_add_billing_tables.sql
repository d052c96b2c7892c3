CREATE TABLE "billing_configs" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"day_of_month" integer NOT NULL,
	"prorate_increases" boolean NOT NULL,
	"prorate_decreases" boolean NOT NULL,
	"time_zone" text NOT NULL,
	"time" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_invoices" (
	"connection_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"period_start" text NOT NULL,
	"state" text NOT NULL,
	"number" text NOT NULL,
	"customer_id" text NOT NULL,
	"invoice_id" text,
	"created_by_us" boolean NOT NULL,
	"lines_hash" text,
	"billed_cents" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_invoices_connection_id_organization_id_period_start_pk" PRIMARY KEY("connection_id","organization_id","period_start")
);
--> statement-breakpoint
CREATE TABLE "billing_offers" (
	"connection_id" uuid NOT NULL,
	"offer_id" text NOT NULL,
	"name" text,
	"item_id" text,
	"item_name" text,
	"sync" boolean NOT NULL,
	"pushed_unit_cost" text,
	"pushed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_offers_connection_id_offer_id_pk" PRIMARY KEY("connection_id","offer_id")
);
--> statement-breakpoint
CREATE TABLE "billing_organizations" (
	"connection_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"name" text,
	"customer_id" text,
	"customer_name" text,
	"invoice" text NOT NULL,
	"sync" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_organizations_connection_id_organization_id_pk" PRIMARY KEY("connection_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "billing_run_results" (
	"run_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"outcome" text NOT NULL,
	"invoice_id" text,
	"invoice_number" text,
	"billed_cents" bigint,
	"lines" integer DEFAULT 0 NOT NULL,
	"detail" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_run_results_run_id_organization_id_pk" PRIMARY KEY("run_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"trigger" text NOT NULL,
	"scheduled_for" timestamp with time zone,
	"workflow_id" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"organizations" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "billing_subscription_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "billing_subscription_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"connection_id" uuid NOT NULL,
	"subscription_id" text NOT NULL,
	"effective_date" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_cost" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_subscriptions" (
	"connection_id" uuid NOT NULL,
	"subscription_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"term" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_subscriptions_connection_id_subscription_id_pk" PRIMARY KEY("connection_id","subscription_id")
);
--> statement-breakpoint
ALTER TABLE "billing_configs" ADD CONSTRAINT "billing_configs_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD CONSTRAINT "billing_invoices_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_offers" ADD CONSTRAINT "billing_offers_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_organizations" ADD CONSTRAINT "billing_organizations_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_run_results" ADD CONSTRAINT "billing_run_results_run_id_billing_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."billing_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscription_changes" ADD CONSTRAINT "billing_subscription_changes_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_organizations_customer_idx" ON "billing_organizations" USING btree ("connection_id","customer_id");--> statement-breakpoint
CREATE INDEX "billing_runs_connection_idx" ON "billing_runs" USING btree ("connection_id","started_at");--> statement-breakpoint
CREATE INDEX "billing_subscription_changes_idx" ON "billing_subscription_changes" USING btree ("connection_id","subscription_id","id");--> statement-breakpoint
CREATE INDEX "billing_subscriptions_organization_idx" ON "billing_subscriptions" USING btree ("connection_id","organization_id");