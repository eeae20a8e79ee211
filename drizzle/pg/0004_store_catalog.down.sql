-- Takes back only what 0004 wrote and nobody has made their own since: a row an operator edited, or a
-- product an order or a grant refers to, stays (the release before 0004 reads them just the same).
DELETE FROM "rc_products" p WHERE (p."sku", p."kind", p."variant", p."name", p."price_cents", p."options", p."active") IN (
	('device-vape', 'device', 'vape', 'Puffy device (vape)', 9900::bigint, '{"colorways":["community","black","white"]}'::jsonb, true),
	('device-fresh', 'device', 'fresh', 'Puffy device (fresh)', 9900::bigint, '{"colorways":["community","silver"]}'::jsonb, true)
) AND NOT EXISTS (SELECT 1 FROM "order_items" i WHERE i."product_id" = p."id")
	AND NOT EXISTS (SELECT 1 FROM "user_products" u WHERE u."product_sku" = p."sku");
--> statement-breakpoint
DELETE FROM "rc_products" p WHERE p."sku" = 'pods' AND p."kind" = 'pods' AND p."variant" IS NULL
	AND p."name" = 'Puffy pods (box)' AND p."price_cents" = 999 AND p."active"
	AND p."options" = '{"flavors":["peach_oolong","mint_ice","watermelon_ice"],"nicotine":{"vape":["0","2"],"fresh":[]}}'::jsonb
	AND NOT EXISTS (SELECT 1 FROM "order_items" i WHERE i."product_id" = p."id")
	AND NOT EXISTS (SELECT 1 FROM "user_products" u WHERE u."product_sku" = p."sku");
--> statement-breakpoint
DELETE FROM "settings" WHERE ("key", "value") IN (
	('shipping_fees', '{"defaultCents":4000,"byCountry":{"US":5000,"CN":5000}}'::jsonb),
	('vape_countries', '["US","CA","GB","DE","FR","AU","JP"]'::jsonb)
);
