ALTER TABLE "campaigns" ADD COLUMN "eligible_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "campaigns" SET "eligible_count" = COALESCE((SELECT sum("taken") FROM "campaign_seats" WHERE "campaign_seats"."campaign_id" = "campaigns"."id"), 0);--> statement-breakpoint
DROP TABLE "campaign_seats";
