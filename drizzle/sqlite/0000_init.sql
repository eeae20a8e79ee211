CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`parameter` text DEFAULT '{}' NOT NULL,
	`initiated_by_user` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "activities_scope_check" CHECK("scope" in ('global', 'campaign')),
	CONSTRAINT "activities_kind_check" CHECK("kind" in ('sign_in', 'verify_email', 'link_x', 'link_discord', 'refer_friends', 'x_post', 'manual'))
);
--> statement-breakpoint
CREATE INDEX `activities_kind_idx` ON `activities` (`kind`);--> statement-breakpoint
CREATE TABLE `campaign_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`activity_id` integer NOT NULL,
	`quantity` integer DEFAULT 1 NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_activities_activity_idx` ON `campaign_activities` (`activity_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_activities_unique` ON `campaign_activities` (`campaign_id`,`activity_id`);--> statement-breakpoint
CREATE TABLE `points_ledger` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`campaign_id` integer,
	`scope_key` text NOT NULL,
	`points` integer NOT NULL,
	`reason` text NOT NULL,
	`source_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `points_ledger_source_key_unique` ON `points_ledger` (`source_key`);--> statement-breakpoint
CREATE INDEX `points_ledger_scope_user_idx` ON `points_ledger` (`scope_key`,`user_id`);--> statement-breakpoint
CREATE TABLE `user_activities` (
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
	CONSTRAINT "user_activities_status_check" CHECK("status" in ('completed', 'pending_review', 'rejected'))
);
--> statement-breakpoint
CREATE INDEX `user_activities_campaign_idx` ON `user_activities` (`campaign_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_activities_unique` ON `user_activities` (`user_id`,`activity_id`,`scope_key`);--> statement-breakpoint
CREATE TABLE `user_points` (
	`user_id` text NOT NULL,
	`scope_key` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `scope_key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_points_leaderboard_idx` ON `user_points` (`scope_key`,`points`,`user_id`);--> statement-breakpoint
CREATE TABLE `campaign_allowlist` (
	`campaign_id` integer NOT NULL,
	`address` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `address`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `campaign_eligible_methods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`method` text NOT NULL,
	`config` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "campaign_eligible_methods_method_check" CHECK("method" in ('eth', 'sol', 'ton', 'soon', 'berachain', 'referral', 'c_referral', 'bypass', 'discord'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_eligible_methods_unique` ON `campaign_eligible_methods` (`campaign_id`,`method`);--> statement-breakpoint
CREATE TABLE `campaign_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_groups_slug_unique` ON `campaign_groups` (`slug`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`edition` text,
	`requirement` text,
	`collection_address` text,
	`collection_name` text,
	`network` text NOT NULL,
	`vm_type` text NOT NULL,
	`start_at` integer,
	`end_at` integer,
	`max_eligible` integer,
	`eligible_count` integer DEFAULT 0 NOT NULL,
	`media` text DEFAULT '{}' NOT NULL,
	`nft_gas_fee_lamports` integer NOT NULL,
	`x_post_url` text,
	`is_ready` integer DEFAULT false NOT NULL,
	`is_active` integer DEFAULT false NOT NULL,
	`group_id` integer,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `campaign_groups`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "campaigns_network_check" CHECK("network" in ('sol', 'eth', 'ton', 'soon', 'berachain')),
	CONSTRAINT "campaigns_vm_type_check" CHECK("vm_type" in ('svm', 'evm', 'tvm'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_slug_unique` ON `campaigns` (`slug`);--> statement-breakpoint
CREATE INDEX `campaigns_listing_idx` ON `campaigns` (`is_ready`,`is_active`,`start_at`,`end_at`);--> statement-breakpoint
CREATE INDEX `campaigns_network_idx` ON `campaigns` (`network`);--> statement-breakpoint
CREATE INDEX `campaigns_group_idx` ON `campaigns` (`group_id`);--> statement-breakpoint
CREATE TABLE `discord_auth_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`discord_user_id` text NOT NULL,
	`discord_username` text,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`used_by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`used_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `discord_auth_codes_code_hash_unique` ON `discord_auth_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `discord_auth_codes_campaign_idx` ON `discord_auth_codes` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `discord_bot_secrets` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`secret_encrypted` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`grace_until` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "discord_bot_secrets_status_check" CHECK("status" in ('active', 'grace', 'revoked'))
);
--> statement-breakpoint
CREATE INDEX `discord_bot_secrets_campaign_idx` ON `discord_bot_secrets` (`campaign_id`,`status`);--> statement-breakpoint
CREATE TABLE `user_campaign_eligibles` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`campaign_id` integer NOT NULL,
	`method` text NOT NULL,
	`wallet_chain` text,
	`wallet_address` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "user_campaign_eligibles_method_check" CHECK("method" in ('eth', 'sol', 'ton', 'soon', 'berachain', 'referral', 'c_referral', 'bypass', 'discord')),
	CONSTRAINT "user_campaign_eligibles_wallet_chain_check" CHECK("wallet_chain" in ('sol', 'evm', 'ton'))
);
--> statement-breakpoint
CREATE INDEX `user_campaign_eligibles_campaign_idx` ON `user_campaign_eligibles` (`campaign_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_campaign_eligibles_unique` ON `user_campaign_eligibles` (`user_id`,`campaign_id`);--> statement-breakpoint
CREATE TABLE `rc_products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`kind` text NOT NULL,
	`variant` text,
	`name` text NOT NULL,
	`price_cents` integer NOT NULL,
	`options` text DEFAULT '{}' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	CONSTRAINT "rc_products_kind_check" CHECK("kind" in ('device', 'pods')),
	CONSTRAINT "rc_products_variant_check" CHECK("variant" in ('vape', 'fresh'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rc_products_sku_unique` ON `rc_products` (`sku`);--> statement-breakpoint
CREATE TABLE `device_pass_uses` (
	`id` text PRIMARY KEY NOT NULL,
	`pass_id` text NOT NULL,
	`user_id` text NOT NULL,
	`order_id` text,
	`action` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pass_id`) REFERENCES `device_passes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "device_pass_uses_action_check" CHECK("action" in ('use', 'release'))
);
--> statement-breakpoint
CREATE INDEX `device_pass_uses_pass_idx` ON `device_pass_uses` (`pass_id`);--> statement-breakpoint
CREATE TABLE `device_passes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`owner_user_id` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	`used_by_user_id` text,
	`used_order_id` text,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`used_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`used_order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "device_passes_status_check" CHECK("status" in ('active', 'used', 'revoked'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `device_passes_code_unique` ON `device_passes` (`code`);--> statement-breakpoint
CREATE INDEX `device_passes_owner_idx` ON `device_passes` (`owner_user_id`);--> statement-breakpoint
CREATE TABLE `user_products` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`product_sku` text NOT NULL,
	`source` text NOT NULL,
	`granted_by` text,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`consumed_order_id` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_sku`) REFERENCES `rc_products`(`sku`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`consumed_order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "user_products_source_check" CHECK("source" in ('wl_nft', 'admin', 'activity'))
);
--> statement-breakpoint
CREATE INDEX `user_products_user_idx` ON `user_products` (`user_id`);--> statement-breakpoint
CREATE TABLE `security_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`user_id` text,
	`request_id` text,
	`ip` text,
	`detail` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "security_events_type_check" CHECK("type" in ('verify_failed', 'challenge_replayed', 'refresh_reuse', 'logout_all', 'role_changed', 'csrf_refused'))
);
--> statement-breakpoint
CREATE INDEX `security_events_created_idx` ON `security_events` (`created_at`);--> statement-breakpoint
CREATE INDEX `security_events_type_idx` ON `security_events` (`type`,`created_at`);--> statement-breakpoint
CREATE INDEX `security_events_user_idx` ON `security_events` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`refresh_hash` text NOT NULL,
	`previous_refresh_hash` text,
	`rotated_at` integer,
	`created_at` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`revoke_reason` text,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `user_wallets` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`chain` text NOT NULL,
	`address` text NOT NULL,
	`address_hex` text,
	`is_primary` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "user_wallets_chain_check" CHECK("chain" in ('sol', 'evm', 'ton'))
);
--> statement-breakpoint
CREATE INDEX `user_wallets_user_idx` ON `user_wallets` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_wallets_wallet_unique` ON `user_wallets` (`chain`,`address`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`wallet_address` text NOT NULL,
	`wallet_chain` text NOT NULL,
	`wallet_address_hex` text,
	`role` text DEFAULT 'user' NOT NULL,
	`admin_scopes` text DEFAULT '[]' NOT NULL,
	`name` text,
	`avatar_url` text,
	`avatar_locked` integer DEFAULT false NOT NULL,
	`email` text,
	`twitter_id` text,
	`twitter_handle` text,
	`twitter_locked` integer DEFAULT false NOT NULL,
	`discord_id` text,
	`discord_username` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "users_wallet_chain_check" CHECK("wallet_chain" in ('sol', 'evm', 'ton')),
	CONSTRAINT "users_role_check" CHECK("role" in ('user', 'admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_twitter_id_unique` ON `users` (`twitter_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_discord_id_unique` ON `users` (`discord_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_wallet_unique` ON `users` (`wallet_chain`,`wallet_address`);--> statement-breakpoint
CREATE TABLE `campaign_promotions` (
	`campaign_id` integer NOT NULL,
	`promotion_id` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `promotion_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_promotions_promotion_idx` ON `campaign_promotions` (`promotion_id`);--> statement-breakpoint
CREATE TABLE `promotions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`symbol` text NOT NULL,
	`description` text,
	`metadata_url` text,
	`collection_address` text,
	`media` text DEFAULT '{}' NOT NULL,
	`royalty_bps` integer DEFAULT 550 NOT NULL,
	`network` text NOT NULL,
	`next_sequence` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "promotions_network_check" CHECK("network" in ('sol', 'eth', 'ton', 'soon', 'berachain')),
	CONSTRAINT "promotions_royalty_check" CHECK("royalty_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE `user_nfts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`promotion_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`network` text NOT NULL,
	`sequence` integer NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`mint_path` text DEFAULT 'gas' NOT NULL,
	`reference` text,
	`gas_fee_lamports` integer NOT NULL,
	`pay_before` integer,
	`asset_address` text,
	`mint_signature` text,
	`failure_reason` text,
	`mint_attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "user_nfts_network_check" CHECK("network" in ('sol', 'eth', 'ton', 'soon', 'berachain')),
	CONSTRAINT "user_nfts_status_check" CHECK("status" in ('new', 'paid', 'payment_confirmed', 'minted', 'mint_failed', 'payment_expired')),
	CONSTRAINT "user_nfts_mint_path_check" CHECK("mint_path" in ('gas', 'direct'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_nfts_reference_unique` ON `user_nfts` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_nfts_asset_address_unique` ON `user_nfts` (`asset_address`);--> statement-breakpoint
CREATE INDEX `user_nfts_status_idx` ON `user_nfts` (`status`);--> statement-breakpoint
CREATE INDEX `user_nfts_campaign_idx` ON `user_nfts` (`campaign_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_nfts_member_promotion_unique` ON `user_nfts` (`user_id`,`promotion_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_nfts_sequence_unique` ON `user_nfts` (`promotion_id`,`sequence`);--> statement-breakpoint
CREATE TABLE `order_items` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`product_id` integer NOT NULL,
	`kind` text NOT NULL,
	`variant` text,
	`colorway` text,
	`flavor` text,
	`nicotine` text,
	`quantity` integer NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`discount_cents` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `rc_products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_items_kind_check" CHECK("kind" in ('device', 'pods')),
	CONSTRAINT "order_items_variant_check" CHECK("variant" in ('vape', 'fresh')),
	CONSTRAINT "order_items_colorway_check" CHECK("colorway" in ('community', 'black', 'white', 'silver')),
	CONSTRAINT "order_items_flavor_check" CHECK("flavor" in ('peach_oolong', 'mint_ice', 'watermelon_ice')),
	CONSTRAINT "order_items_nicotine_check" CHECK("nicotine" in ('0', '2')),
	CONSTRAINT "order_items_quantity_check" CHECK("quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `order_items_order_idx` ON `order_items` (`order_id`);--> statement-breakpoint
CREATE TABLE `order_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text,
	`actor` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "order_status_history_from_check" CHECK("from_status" in ('new', 'paid', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled', 'expired', 'refunded')),
	CONSTRAINT "order_status_history_to_check" CHECK("to_status" in ('new', 'paid', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled', 'expired', 'refunded'))
);
--> statement-breakpoint
CREATE INDEX `order_status_history_order_idx` ON `order_status_history` (`order_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`quote_id` text NOT NULL,
	`subtotal_cents` integer NOT NULL,
	`discount_cents` integer NOT NULL,
	`shipping_cents` integer NOT NULL,
	`total_cents` integer NOT NULL,
	`reference` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`pay_before` integer NOT NULL,
	`payment_tx_hash` text,
	`cancel_reason` text,
	`address_warnings` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_status_check" CHECK("status" in ('new', 'paid', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled', 'expired', 'refunded'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_reference_unique` ON `orders` (`reference`);--> statement-breakpoint
CREATE INDEX `orders_user_created_idx` ON `orders` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_status_idx` ON `orders` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_idempotency_unique` ON `orders` (`user_id`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`payload` text NOT NULL,
	`total_cents` integer NOT NULL,
	`rules_hash` text NOT NULL,
	`pass_code` text,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quotes_user_idx` ON `quotes` (`user_id`);--> statement-breakpoint
CREATE TABLE `shipping_addresses` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text NOT NULL,
	`line1` text NOT NULL,
	`line2` text,
	`city` text NOT NULL,
	`state` text,
	`postal_code` text NOT NULL,
	`country` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipping_addresses_order_id_unique` ON `shipping_addresses` (`order_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`network` text NOT NULL,
	`transaction_hash` text NOT NULL,
	`payer` text NOT NULL,
	`recipient` text NOT NULL,
	`token_mint` text,
	`amount` integer NOT NULL,
	`expected_amount` integer NOT NULL,
	`surplus` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`nft_id` integer,
	`order_id` text,
	`block_time` integer,
	`reason` text,
	`refund_tx_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`nft_id`) REFERENCES `user_nfts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_purpose_check" CHECK("purpose" in ('nft_gas', 'order')),
	CONSTRAINT "payments_network_check" CHECK("network" in ('sol', 'eth', 'ton', 'soon', 'berachain')),
	CONSTRAINT "payments_status_check" CHECK("status" in ('pending', 'accepted', 'finalized', 'rejected', 'refunded'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_transaction_hash_unique` ON `payments` (`transaction_hash`);--> statement-breakpoint
CREATE INDEX `payments_status_idx` ON `payments` (`status`);--> statement-breakpoint
CREATE INDEX `payments_nft_idx` ON `payments` (`nft_id`);--> statement-breakpoint
CREATE INDEX `payments_order_idx` ON `payments` (`order_id`);--> statement-breakpoint
CREATE TABLE `analytics_events` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`user_id` text,
	`campaign_id` integer,
	`session_id` text NOT NULL,
	`properties` text DEFAULT '{}' NOT NULL,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "analytics_events_name_check" CHECK("name" in ('visit', 'connect', 'sign_in', 'eligible', 'claimed', 'minted', 'ordered'))
);
--> statement-breakpoint
CREATE INDEX `analytics_events_funnel_idx` ON `analytics_events` (`name`,`campaign_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`actor_user_id` text,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text,
	`before` text,
	`after` text,
	`request_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_created_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_target_idx` ON `audit_log` (`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_user_id`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`queue` text NOT NULL,
	`payload` text NOT NULL,
	`singleton_key` text,
	`run_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 5 NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`last_error` text,
	`locked_until` integer,
	`locked_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "jobs_status_check" CHECK("status" in ('queued', 'running', 'done', 'failed', 'dead'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_singleton_key_unique` ON `jobs` (`singleton_key`);--> statement-breakpoint
CREATE INDEX `jobs_due_idx` ON `jobs` (`status`,`run_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`dedupe_key` text NOT NULL,
	`user_id` text,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "notifications_status_check" CHECK("status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_key_unique` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `referral_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`type` text NOT NULL,
	`campaign_id` integer,
	`owner_user_id` text,
	`level` integer DEFAULT 0 NOT NULL,
	`max_uses` integer,
	`uses` integer DEFAULT 0 NOT NULL,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "referral_codes_type_check" CHECK("type" in ('limited', 'unlimited', 'gunlimited')),
	CONSTRAINT "referral_codes_uses_check" CHECK("uses" >= 0 and ("max_uses" is null or "uses" <= "max_uses"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referral_codes_code_unique` ON `referral_codes` (`code`);--> statement-breakpoint
CREATE INDEX `referral_codes_owner_idx` ON `referral_codes` (`owner_user_id`);--> statement-breakpoint
CREATE INDEX `referral_codes_campaign_idx` ON `referral_codes` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `referral_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`code_id` text,
	`code` text NOT NULL,
	`user_id` text NOT NULL,
	`campaign_id` integer,
	`outcome` text NOT NULL,
	`reason` text,
	`request_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`code_id`) REFERENCES `referral_codes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "referral_redemptions_outcome_check" CHECK("outcome" in ('accepted', 'refused'))
);
--> statement-breakpoint
CREATE INDEX `referral_redemptions_code_idx` ON `referral_redemptions` (`code_id`);--> statement-breakpoint
CREATE INDEX `referral_redemptions_user_idx` ON `referral_redemptions` (`user_id`);--> statement-breakpoint
CREATE TABLE `referral_relations` (
	`id` text PRIMARY KEY NOT NULL,
	`code_id` text NOT NULL,
	`referrer_user_id` text NOT NULL,
	`referee_user_id` text NOT NULL,
	`campaign_id` integer,
	`scope_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`code_id`) REFERENCES `referral_codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`referrer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`referee_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "referral_relations_not_self_check" CHECK("referrer_user_id" <> "referee_user_id")
);
--> statement-breakpoint
CREATE INDEX `referral_relations_referrer_idx` ON `referral_relations` (`referrer_user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `referral_relations_referee_unique` ON `referral_relations` (`referee_user_id`,`scope_key`);--> statement-breakpoint
CREATE TABLE `holder_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`network` text NOT NULL,
	`status` text DEFAULT 'importing' NOT NULL,
	`version` integer NOT NULL,
	`file_sha256` text,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`rows_accepted` integer DEFAULT 0 NOT NULL,
	`rows_rejected` integer DEFAULT 0 NOT NULL,
	`errors` text DEFAULT '[]' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`activated_at` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "holder_snapshots_network_check" CHECK("network" in ('sol', 'eth', 'ton', 'soon', 'berachain')),
	CONSTRAINT "holder_snapshots_status_check" CHECK("status" in ('importing', 'active', 'superseded', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `holder_snapshots_status_idx` ON `holder_snapshots` (`campaign_id`,`network`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `holder_snapshots_version_unique` ON `holder_snapshots` (`campaign_id`,`network`,`version`);--> statement-breakpoint
CREATE TABLE `snapshot_holders` (
	`snapshot_id` text NOT NULL,
	`address` text NOT NULL,
	`amount` text,
	PRIMARY KEY(`snapshot_id`, `address`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `holder_snapshots`(`id`) ON UPDATE no action ON DELETE cascade
);
