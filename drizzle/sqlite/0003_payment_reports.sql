CREATE TABLE `payment_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`transaction_hash` text NOT NULL,
	`nft_id` integer,
	`order_id` text,
	`reported_by` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`nft_id`) REFERENCES `user_nfts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_reports_purpose_check" CHECK("purpose" in ('nft_gas', 'order')),
	CONSTRAINT "payment_reports_status_check" CHECK("status" in ('pending', 'settled', 'refused'))
);
--> statement-breakpoint
CREATE INDEX `payment_reports_nft_idx` ON `payment_reports` (`nft_id`);--> statement-breakpoint
CREATE INDEX `payment_reports_order_idx` ON `payment_reports` (`order_id`);--> statement-breakpoint
CREATE INDEX `payment_reports_hash_idx` ON `payment_reports` (`transaction_hash`);