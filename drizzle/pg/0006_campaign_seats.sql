CREATE TABLE "campaign_seats" (
	"campaign_id" integer NOT NULL,
	"shard" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	"capacity" integer,
	CONSTRAINT "campaign_seats_pk" PRIMARY KEY("campaign_id","shard"),
	CONSTRAINT "campaign_seats_taken_check" CHECK ("taken" >= 0 and ("capacity" is null or "taken" <= "capacity"))
);
--> statement-breakpoint
ALTER TABLE "campaign_seats" ADD CONSTRAINT "campaign_seats_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The places already taken move to the campaign's shard 0; the places left are dealt evenly over
-- its eight shards (as spreadSeats in packages/api/src/eligibility/seats.ts deals them).
INSERT INTO "campaign_seats" ("campaign_id", "shard", "taken", "capacity")
SELECT c."id", s."shard", (CASE WHEN s."shard" = 0 THEN c."eligible_count" ELSE 0 END),
  CASE WHEN c."max_eligible" IS NULL THEN NULL
    ELSE (CASE WHEN s."shard" = 0 THEN c."eligible_count" ELSE 0 END) + (CASE WHEN c."max_eligible" > c."eligible_count" THEN c."max_eligible" - c."eligible_count" ELSE 0 END) / 8 + (CASE WHEN s."shard" < (CASE WHEN c."max_eligible" > c."eligible_count" THEN c."max_eligible" - c."eligible_count" ELSE 0 END) % 8 THEN 1 ELSE 0 END) END
FROM "campaigns" c CROSS JOIN (SELECT 0 AS "shard" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) s;--> statement-breakpoint
ALTER TABLE "campaigns" DROP COLUMN "eligible_count";