DROP TRIGGER "user_points_histogram" ON "user_points";
--> statement-breakpoint
DROP FUNCTION "user_points_histogram_follow"();
--> statement-breakpoint
DROP TABLE "points_histogram";
