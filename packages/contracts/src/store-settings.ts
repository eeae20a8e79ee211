import { z } from 'zod';
import { ZColorway, ZDeviceVariant, ZNicotine, ZPodFlavor, ZProductKind } from './enums';
import { usdtToCents } from './money';
import { ZCountryCode, ZUsdtAmount } from './store';
import { text } from './text';

/*
 * The admin console's Store section (docs/product/admin.md): the catalog's products and the store's
 * settings as an operator reads and edits them. Money travels as a decimal USDT string like every
 * amount of the API; the server keeps it in integer cents, so an amount finer than a cent is refused.
 */

/** ISO 3166-1 alpha-2: the 249 officially assigned codes (no EU, UK, XK or other reserved codes). */
export const ISO_COUNTRY_CODES: readonly string[] = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR
CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR
TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`
  .trim()
  .split(/\s+/);

const ISO_COUNTRIES = new Set(ISO_COUNTRY_CODES);

/** A country an operator names: upper-cased, and one ISO 3166-1 really assigns. */
export const ZIsoCountry = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (code) => ISO_COUNTRIES.has(code),
    'Not a country code we know; use the two-letter ISO code, like US or DE',
  );

/** The most a single price or fee may be (10,000 USDT): a typo of a few extra digits is refused, not charged. */
export const MAX_STORE_AMOUNT_CENTS = 1_000_000n;

/** The amount in cents, or null when it is not an amount at all (the pattern check reports that one). */
function centsOrNull(value: string): bigint | null {
  try {
    return usdtToCents(value);
  } catch {
    return null;
  }
}

const amount = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^(0|[1-9]\d{0,5})(\.\d{1,2})?$/, {
      message: `${what} is an amount in USDT like 9.99, with at most two decimals`,
      abort: true,
    })
    .refine(
      (value) => (centsOrNull(value) ?? 0n) <= MAX_STORE_AMOUNT_CENTS,
      `${what} is at most 10,000 USDT`,
    );

/** A product's price as an operator types it: more than zero. */
export const ZStorePriceInput = amount('A price').refine(
  (value) => (centsOrNull(value) ?? 1n) > 0n,
  'A price is more than 0; to stop selling a product, switch it off instead',
);

/** A shipping fee as an operator types it: zero is free shipping. */
export const ZShippingFeeInput = amount('A shipping fee');

export const ZStoreSku = z.string().trim().min(1).max(64);

export const ZAdminStoreProduct = z.object({
  sku: z.string(),
  kind: ZProductKind,
  variant: ZDeviceVariant.nullable(),
  name: z.string(),
  price: ZUsdtAmount,
  active: z.boolean(),
  /** Devices: the colorways on offer (whitelist holders buy `community`, everyone else the others). */
  colorways: z.array(ZColorway),
  /** Pods: the flavours on offer. */
  flavors: z.array(ZPodFlavor),
  /** Pods: the nicotine levels per device variant the pods fit; empty where there is no choice. */
  nicotine: z.record(z.string(), z.array(ZNicotine)),
});
export type TAdminStoreProduct = z.infer<typeof ZAdminStoreProduct>;

export const ZShippingFeeRow = z.object({ country: ZCountryCode, fee: ZUsdtAmount });

/**
 * What the Store section shows. `shipping` and `vapeCountries` are null when their setting is missing
 * or unreadable (the store then refuses to quote), so an operator can still open the page and set them.
 */
export const ZAdminStoreSettings = z.object({
  products: z.array(ZAdminStoreProduct),
  shipping: z.object({ defaultFee: ZUsdtAmount, byCountry: z.array(ZShippingFeeRow) }).nullable(),
  vapeCountries: z.array(ZCountryCode).nullable(),
});
export type TAdminStoreSettings = z.infer<typeof ZAdminStoreSettings>;

/** A product's name, price and whether it is for sale. */
export const ZStoreProductUpdate = z.object({
  sku: ZStoreSku,
  name: text().trim().min(1, 'Give the product a name').max(80, 'A name is at most 80 characters'),
  price: ZStorePriceInput,
  active: z.boolean(),
});
export type TStoreProductUpdate = z.infer<typeof ZStoreProductUpdate>;

/**
 * A device's colorways. Whitelist holders buy only `community` and everyone else only the others
 * (docs/product/store-rules.md), so a device needs both, or one of the two groups could not buy it.
 */
export const ZStoreColorwaysUpdate = z.object({
  sku: ZStoreSku,
  colorways: z
    .array(ZColorway)
    .max(ZColorway.options.length)
    .refine(
      (list) => list.includes('community'),
      'Keep the community colorway: whitelist holders buy only it',
    )
    .refine(
      (list) => list.some((c) => c !== 'community'),
      'Offer at least one colorway besides community: members without the whitelist NFT buy only those',
    ),
});
export type TStoreColorwaysUpdate = z.infer<typeof ZStoreColorwaysUpdate>;

/** Pods' flavours and nicotine levels: vape pods need at least one level to choose from. */
export const ZStorePodOptionsUpdate = z.object({
  sku: ZStoreSku,
  flavors: z.array(ZPodFlavor).min(1, 'Offer at least one flavour').max(ZPodFlavor.options.length),
  nicotine: z.object({
    vape: z
      .array(ZNicotine)
      .min(1, 'Vape pods need at least one nicotine level')
      .max(ZNicotine.options.length),
    fresh: z.array(ZNicotine).max(ZNicotine.options.length),
  }),
});
export type TStorePodOptionsUpdate = z.infer<typeof ZStorePodOptionsUpdate>;

/** The shipping fee per country, and the default for every other country. */
export const ZStoreShippingUpdate = z.object({
  defaultFee: ZShippingFeeInput,
  byCountry: z
    .array(z.object({ country: ZIsoCountry, fee: ZShippingFeeInput }))
    .max(ISO_COUNTRY_CODES.length)
    .refine(
      (rows) => new Set(rows.map((r) => r.country)).size === rows.length,
      'Each country appears once; remove the repeated one',
    ),
});
export type TStoreShippingUpdate = z.infer<typeof ZStoreShippingUpdate>;

/** The countries the vape variant (device and pods) ships to; at least one. */
export const ZStoreVapeCountriesUpdate = z.object({
  countries: z
    .array(ZIsoCountry)
    .min(1, 'Name at least one country; to stop selling vape, switch its products off instead')
    .max(ISO_COUNTRY_CODES.length),
});
export type TStoreVapeCountriesUpdate = z.infer<typeof ZStoreVapeCountriesUpdate>;
