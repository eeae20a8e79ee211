-- Takes back only what 0004 wrote and nobody has made their own since: a row an operator edited, or a
-- product an order or a grant refers to, stays (the release before 0004 reads them just the same).
DELETE FROM `rc_products` WHERE `active` = 1 AND (
	(`sku` = 'device-vape' AND `kind` = 'device' AND `variant` = 'vape' AND `name` = 'Puffy device (vape)' AND `price_cents` = 9900
		AND json(`options`) = json('{"colorways":["community","black","white"]}'))
	OR (`sku` = 'device-fresh' AND `kind` = 'device' AND `variant` = 'fresh' AND `name` = 'Puffy device (fresh)' AND `price_cents` = 9900
		AND json(`options`) = json('{"colorways":["community","silver"]}'))
	OR (`sku` = 'pods' AND `kind` = 'pods' AND `variant` IS NULL AND `name` = 'Puffy pods (box)' AND `price_cents` = 999
		AND json(`options`) = json('{"flavors":["peach_oolong","mint_ice","watermelon_ice"],"nicotine":{"vape":["0","2"],"fresh":[]}}'))
) AND NOT EXISTS (SELECT 1 FROM `order_items` WHERE `order_items`.`product_id` = `rc_products`.`id`)
	AND NOT EXISTS (SELECT 1 FROM `user_products` WHERE `user_products`.`product_sku` = `rc_products`.`sku`);
--> statement-breakpoint
DELETE FROM `settings` WHERE
	(`key` = 'shipping_fees' AND json(`value`) = json('{"defaultCents":4000,"byCountry":{"US":5000,"CN":5000}}'))
	OR (`key` = 'vape_countries' AND json(`value`) = json('["US","CA","GB","DE","FR","AU","JP"]'));
