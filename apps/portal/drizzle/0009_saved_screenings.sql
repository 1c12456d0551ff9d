CREATE TABLE "saved_screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"ruleset_id" text NOT NULL,
	"ruleset_version" text NOT NULL,
	"ruleset_revision" integer NOT NULL,
	"key_id" text NOT NULL,
	"outcome" "bytea" NOT NULL,
	"taken_on" date NOT NULL,
	"saved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "saved_screenings" ADD CONSTRAINT "saved_screenings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_screenings" ADD CONSTRAINT "saved_screenings_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_screenings" ADD CONSTRAINT "saved_screenings_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_screenings_patient_idx" ON "saved_screenings" USING btree ("practice_id","patient_id","taken_on");