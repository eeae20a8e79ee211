CREATE TABLE `seasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "seasons_window_check" CHECK("ends_at" > "starts_at"),
	CONSTRAINT "seasons_status_check" CHECK("status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE INDEX `seasons_window_idx` ON `seasons` (`status`,`starts_at`);--> statement-breakpoint
CREATE TABLE `season_standings` (
	`season_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`place` integer NOT NULL,
	`rank` integer NOT NULL,
	`points` integer NOT NULL,
	`reached_at` integer NOT NULL,
	PRIMARY KEY(`season_id`, `user_id`),
	FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `season_standings_user_idx` ON `season_standings` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `season_standings_place_unique` ON `season_standings` (`season_id`,`place`);