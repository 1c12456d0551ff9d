ALTER TABLE "brand_kit_versions" DROP CONSTRAINT "brand_kit_versions_logo_id_brand_logos_id_fk";
--> statement-breakpoint
ALTER TABLE "brand_kit_versions" ADD CONSTRAINT "brand_kit_versions_logo_id_brand_logos_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."brand_logos"("id") ON DELETE no action ON UPDATE no action;