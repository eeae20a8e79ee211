DROP TABLE `season_standings`;--> statement-breakpoint
DROP TABLE `seasons`;
