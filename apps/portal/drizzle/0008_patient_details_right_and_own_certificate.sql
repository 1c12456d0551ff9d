-- The outbox held recipients and bodies in plain text: they go, and new ones are stored encrypted.
DELETE FROM "outbox_emails";--> statement-breakpoint
ALTER TABLE "outbox_emails" ALTER COLUMN "to" SET DATA TYPE bytea USING convert_to("to", 'UTF8');--> statement-breakpoint
ALTER TABLE "outbox_emails" ALTER COLUMN "text" SET DATA TYPE bytea USING convert_to("text", 'UTF8');--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "may_see_patient_details" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "key_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "packet_id" uuid;--> statement-breakpoint
ALTER TABLE "packet_settings" ADD COLUMN "own_seal_key_id" text;--> statement-breakpoint
ALTER TABLE "packet_settings" ADD COLUMN "own_seal_pkcs12" "bytea";--> statement-breakpoint
ALTER TABLE "packet_settings" ADD COLUMN "own_seal_certificate_sha256" text;--> statement-breakpoint
ALTER TABLE "packet_settings" ADD COLUMN "own_seal_uploaded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_packet_id_patient_packets_id_fk" FOREIGN KEY ("packet_id") REFERENCES "public"."patient_packets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_emails_packet_idx" ON "outbox_emails" USING btree ("packet_id");