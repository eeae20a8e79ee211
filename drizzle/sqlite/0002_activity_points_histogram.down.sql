DROP TRIGGER `user_points_histogram_delete`;
--> statement-breakpoint
DROP TRIGGER `user_points_histogram_update`;
--> statement-breakpoint
DROP TRIGGER `user_points_histogram_insert`;
--> statement-breakpoint
DROP TABLE `points_histogram`;
