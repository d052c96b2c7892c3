CREATE SEQUENCE "public"."time_list_change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "time_imports" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"checks" jsonb NOT NULL,
	"preferences" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_list_marks" (
	"connection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"high_water" text,
	"deletions_from" text,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "time_list_marks_connection_id_kind_pk" PRIMARY KEY("connection_id","kind")
);
--> statement-breakpoint
CREATE TABLE "time_list_records" (
	"connection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"quickbooks_id" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"parent_id" text,
	"active" boolean NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"fields" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"modified_at" text,
	"last_change" text NOT NULL,
	"seq" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_list_records_connection_id_kind_quickbooks_id_pk" PRIMARY KEY("connection_id","kind","quickbooks_id")
);
--> statement-breakpoint
CREATE TABLE "time_people" (
	"connection_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"quickbooks_id" text NOT NULL,
	"name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_people_connection_id_user_id_pk" PRIMARY KEY("connection_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "timesheet_entries" (
	"connection_id" uuid NOT NULL,
	"entry_id" text NOT NULL,
	"revision" integer NOT NULL,
	"entry" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"removed" boolean DEFAULT false NOT NULL,
	"state" text NOT NULL,
	"quickbooks_id" text,
	"edit_sequence" text,
	"exported_hash" text,
	"pending_attempt" text,
	"last_error" text,
	"exported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timesheet_entries_connection_id_entry_id_pk" PRIMARY KEY("connection_id","entry_id")
);
--> statement-breakpoint
ALTER TABLE "time_imports" ADD CONSTRAINT "time_imports_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_list_marks" ADD CONSTRAINT "time_list_marks_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_list_records" ADD CONSTRAINT "time_list_records_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_people" ADD CONSTRAINT "time_people_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timesheet_entries" ADD CONSTRAINT "timesheet_entries_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "time_list_records_feed_idx" ON "time_list_records" USING btree ("connection_id","kind","seq");--> statement-breakpoint
CREATE INDEX "timesheet_entries_state_idx" ON "timesheet_entries" USING btree ("connection_id","state");