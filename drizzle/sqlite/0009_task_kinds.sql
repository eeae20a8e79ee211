CREATE TABLE `quiz_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`activity_id` integer NOT NULL,
	`scope_key` text NOT NULL,
	`attempt` integer NOT NULL,
	`correct` integer NOT NULL,
	`total` integer NOT NULL,
	`passed` integer NOT NULL,
	`answers` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quiz_attempts_activity_idx` ON `quiz_attempts` (`activity_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_attempts_unique` ON `quiz_attempts` (`user_id`,`activity_id`,`scope_key`,`attempt`);--> statement-breakpoint
CREATE TABLE `partner_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`secret_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`campaign_ids` text,
	`expires_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
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
	CONSTRAINT "activities_kind_check" CHECK("kind" in ('sign_in', 'verify_email', 'link_x', 'link_discord', 'refer_friends', 'x_post', 'manual', 'x_follow', 'x_repost', 'x_like', 'x_tag_post', 'discord_member', 'discord_role', 'telegram_join', 'quiz', 'visit_link', 'onchain_tx', 'partner_api'))
);
--> statement-breakpoint
INSERT INTO `__new_activities`("id", "scope", "kind", "name", "description", "parameter", "initiated_by_user", "created_at") SELECT "id", "scope", "kind", "name", "description", "parameter", "initiated_by_user", "created_at" FROM `activities`;--> statement-breakpoint
DROP TABLE `activities`;--> statement-breakpoint
ALTER TABLE `__new_activities` RENAME TO `activities`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `activities_kind_idx` ON `activities` (`kind`);