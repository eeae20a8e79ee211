CREATE TABLE `x_tokens` (
	`user_id` text PRIMARY KEY NOT NULL,
	`access_token` text NOT NULL,
	`refresh_token` text,
	`expires_at` integer NOT NULL,
	`scope` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`activity_id` integer NOT NULL,
	`campaign_id` integer,
	`trigger` text NOT NULL,
	`outcome` text NOT NULL,
	`answer` text DEFAULT '{}' NOT NULL,
	`checked_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "activity_checks_trigger_check" CHECK("trigger" in ('member', 'retry', 'recheck')),
	CONSTRAINT "activity_checks_outcome_check" CHECK("outcome" in ('passed', 'failed', 'throttled'))
);
--> statement-breakpoint
CREATE INDEX `activity_checks_member_idx` ON `activity_checks` (`user_id`,`activity_id`,`checked_at`);--> statement-breakpoint
CREATE INDEX `activity_checks_activity_idx` ON `activity_checks` (`activity_id`);--> statement-breakpoint
CREATE INDEX `activity_checks_campaign_idx` ON `activity_checks` (`campaign_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`parameter` text DEFAULT '{}' NOT NULL,
	`initiated_by_user` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "activities_scope_check" CHECK("scope" in ('global', 'campaign')),
	CONSTRAINT "activities_kind_check" CHECK("kind" in ('sign_in', 'verify_email', 'link_x', 'link_discord', 'refer_friends', 'x_post', 'manual', 'x_follow', 'x_repost', 'x_like', 'x_tag_post', 'discord_member', 'discord_role', 'telegram_join'))
);
--> statement-breakpoint
INSERT INTO `__new_activities`("id", "scope", "kind", "name", "description", "parameter", "initiated_by_user", "created_at") SELECT "id", "scope", "kind", "name", "description", "parameter", "initiated_by_user", "created_at" FROM `activities`;--> statement-breakpoint
DROP TABLE `activities`;--> statement-breakpoint
ALTER TABLE `__new_activities` RENAME TO `activities`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `activities_kind_idx` ON `activities` (`kind`);--> statement-breakpoint
CREATE TABLE `__new_user_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`activity_id` integer NOT NULL,
	`campaign_id` integer,
	`scope_key` text NOT NULL,
	`status` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`completed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "user_activities_status_check" CHECK("status" in ('completed', 'pending_review', 'rejected', 'revoked'))
);
--> statement-breakpoint
INSERT INTO `__new_user_activities`("id", "user_id", "activity_id", "campaign_id", "scope_key", "status", "points", "data", "completed_at", "created_at") SELECT "id", "user_id", "activity_id", "campaign_id", "scope_key", "status", "points", "data", "completed_at", "created_at" FROM `user_activities`;--> statement-breakpoint
DROP TABLE `user_activities`;--> statement-breakpoint
ALTER TABLE `__new_user_activities` RENAME TO `user_activities`;--> statement-breakpoint
CREATE INDEX `user_activities_campaign_idx` ON `user_activities` (`campaign_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_activities_unique` ON `user_activities` (`user_id`,`activity_id`,`scope_key`);--> statement-breakpoint
ALTER TABLE `users` ADD `telegram_id` text;--> statement-breakpoint
ALTER TABLE `users` ADD `telegram_username` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_telegram_id_unique` ON `users` (`telegram_id`);