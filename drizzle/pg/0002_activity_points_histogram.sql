CREATE TABLE "points_histogram" (
	"scope_key" text NOT NULL,
	"points" integer NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "points_histogram_pk" PRIMARY KEY("scope_key","points")
);
--> statement-breakpoint
-- The histogram follows user_points row by row, whoever writes it (hand-written: drizzle-kit has no
-- triggers). Two buckets of one scope are always locked lower points first, so two members crossing
-- each other's totals at once cannot deadlock on them.
CREATE FUNCTION "user_points_histogram_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.scope_key = NEW.scope_key AND OLD.points = NEW.points THEN
		RETURN NULL;
	END IF;
	IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD.scope_key <> NEW.scope_key OR OLD.points < NEW.points)) THEN
		UPDATE "points_histogram" SET "members" = "members" - 1 WHERE "scope_key" = OLD.scope_key AND "points" = OLD.points;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO "points_histogram" ("scope_key", "points", "members") VALUES (NEW.scope_key, NEW.points, 1)
		ON CONFLICT ("scope_key", "points") DO UPDATE SET "members" = "points_histogram"."members" + 1;
	END IF;
	IF TG_OP = 'UPDATE' AND OLD.scope_key = NEW.scope_key AND OLD.points > NEW.points THEN
		UPDATE "points_histogram" SET "members" = "members" - 1 WHERE "scope_key" = OLD.scope_key AND "points" = OLD.points;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "user_points_histogram" AFTER INSERT OR DELETE OR UPDATE OF "scope_key", "points" ON "user_points"
FOR EACH ROW EXECUTE FUNCTION "user_points_histogram_follow"();
--> statement-breakpoint
INSERT INTO "points_histogram" ("scope_key", "points", "members")
SELECT "scope_key", "points", count(*) FROM "user_points" GROUP BY "scope_key", "points";
