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
CREATE INDEX `payment_reports_hash_idx` ON `payment_reports` (`transaction_hash`);--> statement-breakpoint
-- Reports of unseen hashes used to be payment rows that held the hash (pending, or rejected with nothing counted): they become reports, which hold nothing.
INSERT INTO payment_reports (id, purpose, transaction_hash, nft_id, order_id, reported_by, status, reason, created_at, updated_at) SELECT p.id, 'nft_gas', p.transaction_hash, p.nft_id, NULL, n.user_id, CASE WHEN p.status = 'pending' THEN 'pending' ELSE 'refused' END, p.reason, p.created_at, p.updated_at FROM payments p JOIN user_nfts n ON n.id = p.nft_id WHERE p.purpose = 'nft_gas' AND (p.status = 'pending' OR (p.status = 'rejected' AND p.amount = 0 AND p.block_time IS NULL));
--> statement-breakpoint
DELETE FROM payments WHERE purpose = 'nft_gas' AND (status = 'pending' OR (status = 'rejected' AND amount = 0 AND block_time IS NULL));
