-- Checked tasks go with their kinds: the release before 0008 knows neither the kinds nor `revoked`.
DELETE FROM "activities" WHERE "kind" IN ('x_follow', 'x_repost', 'x_like', 'x_tag_post', 'discord_member', 'discord_role', 'telegram_join');--> statement-breakpoint
DELETE FROM "user_activities" WHERE "status" = 'revoked';--> statement-breakpoint
ALTER TABLE "activities" DROP CONSTRAINT "activities_kind_check";--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_kind_check" CHECK ("kind" in ('sign_in', 'verify_email', 'link_x', 'link_discord', 'refer_friends', 'x_post', 'manual'));--> statement-breakpoint
ALTER TABLE "user_activities" DROP CONSTRAINT "user_activities_status_check";--> statement-breakpoint
ALTER TABLE "user_activities" ADD CONSTRAINT "user_activities_status_check" CHECK ("status" in ('completed', 'pending_review', 'rejected'));--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_telegram_id_unique";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "telegram_username";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "telegram_id";--> statement-breakpoint
DROP TABLE "activity_checks";--> statement-breakpoint
DROP TABLE "x_tokens";
