CREATE TABLE "document_signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"document_id" text NOT NULL,
	"document_version" text NOT NULL,
	"signed_off_by" uuid,
	"signer_name" text NOT NULL,
	"signer_credentials" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "medical_director_id" uuid;--> statement-breakpoint
ALTER TABLE "document_signoffs" ADD CONSTRAINT "document_signoffs_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signoffs" ADD CONSTRAINT "document_signoffs_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_signoffs_practice_document_idx" ON "document_signoffs" USING btree ("practice_id","document_id","signed_at");--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_medical_director_id_users_id_fk" FOREIGN KEY ("medical_director_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;