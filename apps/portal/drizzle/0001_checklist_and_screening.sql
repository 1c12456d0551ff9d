CREATE TYPE "public"."checklist_status" AS ENUM('to-do', 'in-progress', 'done', 'not-applicable');--> statement-breakpoint
CREATE TABLE "checklist_item_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"version" integer NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_item_events_version_unique" UNIQUE("practice_id","item_id","version")
);
--> statement-breakpoint
CREATE TABLE "checklist_items" (
	"practice_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"status" "checklist_status" DEFAULT 'to-do' NOT NULL,
	"not_applicable_reason" text,
	"assignee_id" uuid,
	"due_date" date,
	"notes" text DEFAULT '' NOT NULL,
	"evidence_links" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"seen_content_hash" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "checklist_items_practice_id_item_id_pk" PRIMARY KEY("practice_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "checklist_states" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"seen_template_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_rulesets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"ruleset" jsonb NOT NULL,
	"overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_rulesets_practice_revision_unique" UNIQUE("practice_id","revision")
);
--> statement-breakpoint
CREATE TABLE "ruleset_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"rule_id" text NOT NULL,
	"change" jsonb NOT NULL,
	"reason" text NOT NULL,
	"user_id" uuid,
	"user_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checklist_item_events" ADD CONSTRAINT "checklist_item_events_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_item_events" ADD CONSTRAINT "checklist_item_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_states" ADD CONSTRAINT "checklist_states_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_rulesets" ADD CONSTRAINT "practice_rulesets_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_rulesets" ADD CONSTRAINT "practice_rulesets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ruleset_audit" ADD CONSTRAINT "ruleset_audit_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ruleset_audit" ADD CONSTRAINT "ruleset_audit_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checklist_item_events_practice_idx" ON "checklist_item_events" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "ruleset_audit_practice_idx" ON "ruleset_audit" USING btree ("practice_id","created_at");