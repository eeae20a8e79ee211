-- The production catalog and store settings (docs/product/store-rules.md), so a fresh deployment can
-- sell with no manual SQL. Only rows that are not there yet are written: an operator's edits (made in
-- the admin console's Store section) are never overwritten. Prices are integer USDT cents.
INSERT INTO `rc_products` (`sku`, `kind`, `variant`, `name`, `price_cents`, `options`, `active`) VALUES
	('device-vape', 'device', 'vape', 'Puffy device (vape)', 9900, '{"colorways":["community","black","white"]}', 1),
	('device-fresh', 'device', 'fresh', 'Puffy device (fresh)', 9900, '{"colorways":["community","silver"]}', 1),
	('pods', 'pods', NULL, 'Puffy pods (box)', 999, '{"flavors":["peach_oolong","mint_ice","watermelon_ice"],"nicotine":{"vape":["0","2"],"fresh":[]}}', 1)
ON CONFLICT (`sku`) DO NOTHING;
--> statement-breakpoint
INSERT INTO `settings` (`key`, `value`, `updated_at`) VALUES
	('shipping_fees', '{"defaultCents":4000,"byCountry":{"US":5000,"CN":5000}}', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
	('vape_countries', '["US","CA","GB","DE","FR","AU","JP"]', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
ON CONFLICT (`key`) DO NOTHING;
