-- The release before 0009 knows none of the four task kinds: their activities go, with what hangs on
-- them (foreign keys are off while the table is rebuilt, so nothing would cascade by itself).
DELETE FROM `user_activities` WHERE `activity_id` IN (SELECT `id` FROM `activities` WHERE `kind` IN ('quiz', 'visit_link', 'onchain_tx', 'partner_api'));--> statement-breakpoint
DELETE FROM `campaign_activities` WHERE `activity_id` IN (SELECT `id` FROM `activities` WHERE `kind` IN ('quiz', 'visit_link', 'onchain_tx', 'partner_api'));--> statement-breakpoint
DROP TABLE `quiz_attempts`;--> statement-breakpoint
DROP TABLE `partner_keys`;--> statement-breakpoint
DELETE FROM `activities` WHERE `kind` IN ('quiz', 'visit_link', 'onchain_tx', 'partner_api');--> statement-breakpoint
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
CREATE INDEX `activities_kind_idx` ON `activities` (`kind`);
