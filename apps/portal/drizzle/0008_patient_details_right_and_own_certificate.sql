ALTER TABLE "memberships" ADD COLUMN "may_see_patient_details" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "packet_settings" ADD COLUMN "own_seal_key_id" text;--> statement-breakpoint
ALTER TABLE "packet_settings" ADD COLUMN "own_seal_pkcs12" "bytea";--> statement-breakpoint
ALTER TABLE "packet_settings" ADD COLUMN "own_seal_certificate_sha256" text;--> statement-breakpoint
ALTER TABLE "packet_settings" ADD COLUMN "own_seal_uploaded_at" timestamp with time zone;