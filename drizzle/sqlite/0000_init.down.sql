DROP TABLE `user_wallets`;
--> statement-breakpoint
DROP TABLE `user_products`;
--> statement-breakpoint
DROP TABLE `user_points`;
--> statement-breakpoint
DROP TABLE `user_campaign_eligibles`;
--> statement-breakpoint
DROP TABLE `user_activities`;
--> statement-breakpoint
DROP TABLE `snapshot_holders`;
--> statement-breakpoint
DROP TABLE `shipping_addresses`;
--> statement-breakpoint
DROP TABLE `settings`;
--> statement-breakpoint
DROP TABLE `sessions`;
--> statement-breakpoint
DROP TABLE `security_events`;
--> statement-breakpoint
DROP TABLE `referral_relations`;
--> statement-breakpoint
DROP TABLE `referral_redemptions`;
--> statement-breakpoint
DROP TABLE `referral_codes`;
--> statement-breakpoint
DROP TABLE `points_ledger`;
--> statement-breakpoint
DROP TABLE `payments`;
--> statement-breakpoint
DROP TABLE `user_nfts`;
--> statement-breakpoint
DROP TABLE `order_status_history`;
--> statement-breakpoint
DROP TABLE `order_items`;
--> statement-breakpoint
DROP TABLE `rc_products`;
--> statement-breakpoint
DROP TABLE `notifications`;
--> statement-breakpoint
DROP TABLE `jobs`;
--> statement-breakpoint
DROP TABLE `holder_snapshots`;
--> statement-breakpoint
DROP TABLE `discord_bot_secrets`;
--> statement-breakpoint
DROP TABLE `discord_auth_codes`;
--> statement-breakpoint
DROP TABLE `device_pass_uses`;
--> statement-breakpoint
DROP TABLE `device_passes`;
--> statement-breakpoint
DROP TABLE `orders`;
--> statement-breakpoint
DROP TABLE `quotes`;
--> statement-breakpoint
DROP TABLE `campaign_promotions`;
--> statement-breakpoint
DROP TABLE `promotions`;
--> statement-breakpoint
DROP TABLE `campaign_eligible_methods`;
--> statement-breakpoint
DROP TABLE `campaign_allowlist`;
--> statement-breakpoint
DROP TABLE `campaign_activities`;
--> statement-breakpoint
DROP TABLE `audit_log`;
--> statement-breakpoint
DROP TABLE `analytics_events`;
--> statement-breakpoint
DROP TABLE `users`;
--> statement-breakpoint
DROP TABLE `campaigns`;
--> statement-breakpoint
DROP TABLE `campaign_groups`;
--> statement-breakpoint
DROP TABLE `activities`;
