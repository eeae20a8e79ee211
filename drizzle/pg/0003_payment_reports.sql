CREATE TABLE "payment_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"transaction_hash" text NOT NULL,
	"nft_id" integer,
	"order_id" text,
	"reported_by" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_reports_purpose_check" CHECK ("purpose" in ('nft_gas', 'order')),
	CONSTRAINT "payment_reports_status_check" CHECK ("status" in ('pending', 'settled', 'refused'))
);
--> statement-breakpoint
ALTER TABLE "payment_reports" ADD CONSTRAINT "payment_reports_nft_id_user_nfts_id_fk" FOREIGN KEY ("nft_id") REFERENCES "public"."user_nfts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_reports" ADD CONSTRAINT "payment_reports_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_reports" ADD CONSTRAINT "payment_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_reports_nft_idx" ON "payment_reports" USING btree ("nft_id");--> statement-breakpoint
CREATE INDEX "payment_reports_order_idx" ON "payment_reports" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payment_reports_hash_idx" ON "payment_reports" USING btree ("transaction_hash");