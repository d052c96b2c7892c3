CREATE TABLE "qbd_auth_failures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "qbd_auth_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"connection_id" uuid NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qbd_connections" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"user_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"password_set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"run_every_minutes" integer NOT NULL,
	"company_file_path" text,
	"company_name" text,
	"company_fingerprint" text,
	"product_name" text,
	"qbxml_version" text,
	"bound_at" timestamp with time zone,
	"last_session_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qbd_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qbd_list_entries" (
	"connection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"list_id" text NOT NULL,
	"name" text NOT NULL,
	"type" text,
	"active" boolean NOT NULL,
	"edit_sequence" text,
	"record" jsonb NOT NULL,
	"import_run" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qbd_list_entries_connection_id_kind_list_id_pk" PRIMARY KEY("connection_id","kind","list_id")
);
--> statement-breakpoint
CREATE TABLE "qbd_list_imports" (
	"connection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"run_id" text NOT NULL,
	"state" text NOT NULL,
	"pages" integer DEFAULT 0 NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"restarts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "qbd_list_imports_connection_id_kind_pk" PRIMARY KEY("connection_id","kind")
);
--> statement-breakpoint
CREATE TABLE "qbd_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "qbd_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"connection_id" uuid NOT NULL,
	"request_id" text NOT NULL,
	"kind" text NOT NULL,
	"request_xml" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"session_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"solo" boolean DEFAULT false NOT NULL,
	"owner" text,
	"owner_attempt" integer,
	"job" jsonb,
	"status_code" integer,
	"status_message" text,
	"result" jsonb,
	"response" text,
	"failure" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "qbd_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_hash" text NOT NULL,
	"connection_id" uuid NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"end_reason" text,
	"company_file_path" text,
	"qbxml_version" text,
	"last_error" text,
	"connection_errors" integer DEFAULT 0 NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_work_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "qbd_auth_failures" ADD CONSTRAINT "qbd_auth_failures_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qbd_connections" ADD CONSTRAINT "qbd_connections_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qbd_holds" ADD CONSTRAINT "qbd_holds_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qbd_list_entries" ADD CONSTRAINT "qbd_list_entries_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qbd_list_imports" ADD CONSTRAINT "qbd_list_imports_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qbd_requests" ADD CONSTRAINT "qbd_requests_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qbd_requests" ADD CONSTRAINT "qbd_requests_session_id_qbd_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."qbd_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qbd_sessions" ADD CONSTRAINT "qbd_sessions_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qbd_auth_failures_connection_idx" ON "qbd_auth_failures" USING btree ("connection_id","failed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "qbd_connections_user_name_idx" ON "qbd_connections" USING btree ("user_name");--> statement-breakpoint
CREATE INDEX "qbd_holds_connection_idx" ON "qbd_holds" USING btree ("connection_id","expires_at");--> statement-breakpoint
CREATE INDEX "qbd_list_entries_name_idx" ON "qbd_list_entries" USING btree ("connection_id","kind","name");--> statement-breakpoint
CREATE UNIQUE INDEX "qbd_requests_request_id_idx" ON "qbd_requests" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "qbd_requests_queue_idx" ON "qbd_requests" USING btree ("connection_id","state","id");--> statement-breakpoint
CREATE INDEX "qbd_requests_session_idx" ON "qbd_requests" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "qbd_requests_owner_idx" ON "qbd_requests" USING btree ("owner");--> statement-breakpoint
CREATE UNIQUE INDEX "qbd_sessions_ticket_idx" ON "qbd_sessions" USING btree ("ticket_hash");--> statement-breakpoint
CREATE INDEX "qbd_sessions_connection_idx" ON "qbd_sessions" USING btree ("connection_id","state");