-- The release before 0009 knows none of the four task kinds: their activities go (their campaign
-- listings and completions cascade), then the CHECK narrows again.
DROP TABLE "quiz_attempts";--> statement-breakpoint
DROP TABLE "partner_keys";--> statement-breakpoint
DELETE FROM "activities" WHERE "kind" IN ('quiz', 'visit_link', 'onchain_tx', 'partner_api');--> statement-breakpoint
ALTER TABLE "activities" DROP CONSTRAINT "activities_kind_check";--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_kind_check" CHECK ("kind" in ('sign_in', 'verify_email', 'link_x', 'link_discord', 'refer_friends', 'x_post', 'manual', 'x_follow', 'x_repost', 'x_like', 'x_tag_post', 'discord_member', 'discord_role', 'telegram_join'));
