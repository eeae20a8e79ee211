CREATE TABLE "x_tokens" (
	"user_id" text PRIMARY KEY NOT NULL,
	"access_token" text NOT NULL,
	"refresh_token" text,
	"expires_at" timestamp with time zone NOT NULL,
	"scope" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"activity_id" integer NOT NULL,
	"campaign_id" integer,
	"trigger" text NOT NULL,
	"outcome" text NOT NULL,
	"answer" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activity_checks_trigger_check" CHECK ("trigger" in ('member', 'retry', 'recheck')),
	CONSTRAINT "activity_checks_outcome_check" CHECK ("outcome" in ('passed', 'failed', 'throttled'))
);
--> statement-breakpoint
ALTER TABLE "activities" DROP CONSTRAINT "activities_kind_check";--> statement-breakpoint
ALTER TABLE "user_activities" DROP CONSTRAINT "user_activities_status_check";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "telegram_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "telegram_username" text;--> statement-breakpoint
ALTER TABLE "x_tokens" ADD CONSTRAINT "x_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_checks" ADD CONSTRAINT "activity_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_checks" ADD CONSTRAINT "activity_checks_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_checks" ADD CONSTRAINT "activity_checks_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_checks_member_idx" ON "activity_checks" USING btree ("user_id","activity_id","checked_at");--> statement-breakpoint
CREATE INDEX "activity_checks_activity_idx" ON "activity_checks" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_checks_campaign_idx" ON "activity_checks" USING btree ("campaign_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_telegram_id_unique" UNIQUE("telegram_id");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_kind_check" CHECK ("kind" in ('sign_in', 'verify_email', 'link_x', 'link_discord', 'refer_friends', 'x_post', 'manual', 'x_follow', 'x_repost', 'x_like', 'x_tag_post', 'discord_member', 'discord_role', 'telegram_join'));--> statement-breakpoint
ALTER TABLE "user_activities" ADD CONSTRAINT "user_activities_status_check" CHECK ("status" in ('completed', 'pending_review', 'rejected', 'revoked'));