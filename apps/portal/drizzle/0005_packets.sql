CREATE TABLE "packet_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"packet_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"document_id" text NOT NULL,
	"document_version" text NOT NULL,
	"locale" text NOT NULL,
	"routes" text[] DEFAULT '{}'::text[] NOT NULL,
	"content_sha256" text NOT NULL,
	"opened_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"countersigned_at" timestamp with time zone,
	"key_id" text,
	"initials" "bytea",
	CONSTRAINT "packet_documents_packet_position_unique" UNIQUE("packet_id","position")
);
--> statement-breakpoint
CREATE TABLE "packet_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"packet_id" uuid NOT NULL,
	"packet_document_id" uuid,
	"type" text NOT NULL,
	"actor" text NOT NULL,
	"user_id" uuid,
	"key_id" text,
	"ip_address" "bytea",
	"user_agent" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "packet_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"retention_days" integer DEFAULT 365 NOT NULL,
	"seal_key_id" text,
	"seal_pkcs12" "bytea",
	"seal_certificate_sha256" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "packet_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"packet_id" uuid NOT NULL,
	"packet_document_id" uuid NOT NULL,
	"party" text NOT NULL,
	"user_id" uuid,
	"key_id" text NOT NULL,
	"signer_name" "bytea" NOT NULL,
	"method" text NOT NULL,
	"image" "bytea",
	"ip_address" "bytea",
	"user_agent" "bytea",
	"document_sha256" text NOT NULL,
	"electronic_consent_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "packet_signatures_document_party_unique" UNIQUE("packet_document_id","party")
);
--> statement-breakpoint
CREATE TABLE "patient_packets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"created_by" uuid,
	"locale" text NOT NULL,
	"key_id" text NOT NULL,
	"patient_name" "bytea",
	"patient_email" "bytea",
	"patient_birth_date" "bytea",
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"birth_date_failures" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"countersigned_at" timestamp with time zone,
	"sealed_at" timestamp with time zone,
	"sealed_pdf" "bytea",
	"sealed_sha256" text,
	"retain_until" timestamp with time zone NOT NULL,
	"purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_packets_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "packet_documents" ADD CONSTRAINT "packet_documents_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packet_documents" ADD CONSTRAINT "packet_documents_packet_id_patient_packets_id_fk" FOREIGN KEY ("packet_id") REFERENCES "public"."patient_packets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packet_events" ADD CONSTRAINT "packet_events_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packet_events" ADD CONSTRAINT "packet_events_packet_id_patient_packets_id_fk" FOREIGN KEY ("packet_id") REFERENCES "public"."patient_packets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packet_events" ADD CONSTRAINT "packet_events_packet_document_id_packet_documents_id_fk" FOREIGN KEY ("packet_document_id") REFERENCES "public"."packet_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packet_events" ADD CONSTRAINT "packet_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packet_settings" ADD CONSTRAINT "packet_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packet_signatures" ADD CONSTRAINT "packet_signatures_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packet_signatures" ADD CONSTRAINT "packet_signatures_packet_id_patient_packets_id_fk" FOREIGN KEY ("packet_id") REFERENCES "public"."patient_packets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packet_signatures" ADD CONSTRAINT "packet_signatures_packet_document_id_packet_documents_id_fk" FOREIGN KEY ("packet_document_id") REFERENCES "public"."packet_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packet_signatures" ADD CONSTRAINT "packet_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_packets" ADD CONSTRAINT "patient_packets_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_packets" ADD CONSTRAINT "patient_packets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "packet_documents_practice_packet_idx" ON "packet_documents" USING btree ("practice_id","packet_id");--> statement-breakpoint
CREATE INDEX "packet_events_practice_packet_idx" ON "packet_events" USING btree ("practice_id","packet_id","created_at");--> statement-breakpoint
CREATE INDEX "packet_signatures_practice_packet_idx" ON "packet_signatures" USING btree ("practice_id","packet_id");--> statement-breakpoint
CREATE INDEX "patient_packets_practice_idx" ON "patient_packets" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "patient_packets_retain_idx" ON "patient_packets" USING btree ("retain_until");