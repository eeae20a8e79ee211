import { z } from 'zod';
import { ZColorway, ZDevicePassStatus, ZDeviceVariant, ZNicotine, ZPodFlavor, ZProductKind } from './enums';

/*
 * Wire shapes of the storefront (docs/product/store-rules.md): catalog, device passes and quotes. Money is a
 * decimal USDT string ("99.00"); the server computes it in integer cents.
 */

/** A decimal USDT amount with two places, as the server writes it. */
export const ZUsdtAmount = z.string().regex(/^-?\d+\.\d{2}$/, 'A USDT amount like "99.00"');

/** ISO 3166-1 alpha-2, upper case. */
export const ZCountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'A country is its two-letter ISO code in capitals, like "US"');

export const ZCatalogProduct = z.object({
  sku: z.string(),
  kind: ZProductKind,
  variant: ZDeviceVariant.nullable(),
  name: z.string(),
  price: ZUsdtAmount,
  colorways: z.array(ZColorway),
  flavors: z.array(ZPodFlavor),
  /** Nicotine levels per device variant the pods fit; empty where there is no choice. */
  nicotine: z.record(z.string(), z.array(ZNicotine)),
});
export type TCatalogProduct = z.infer<typeof ZCatalogProduct>;

export const ZCatalog = z.object({
  products: z.array(ZCatalogProduct),
  shipping: z.object({ defaultFee: ZUsdtAmount, byCountry: z.record(z.string(), ZUsdtAmount) }),
  /** Countries the vape variant (device and pods) ships to. */
  vapeCountries: z.array(ZCountryCode),
});
export type TCatalog = z.infer<typeof ZCatalog>;

/** A pass code: 4 groups of 4 characters from an alphabet without look-alikes. */
export const ZPassCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^PASS(?:-[0-9A-Z]{4}){4}$/, 'A pass code looks like PASS-XXXX-XXXX-XXXX-XXXX');

export const ZDevicePass = z.object({
  code: z.string(),
  status: ZDevicePassStatus,
  source: z.string(),
  createdAt: z.iso.datetime(),
  usedAt: z.iso.datetime().nullable(),
  /** True when someone else used the code (the owner gave it to a friend). */
  usedByOther: z.boolean(),
});
export type TDevicePass = z.infer<typeof ZDevicePass>;

export const ZDevicePassSummary = z.object({
  passes: z.array(ZDevicePass),
  /** Passes this member is entitled to in all (a WL NFT gives one, admins may grant more). */
  entitled: z.number().int(),
  /** Passes still to be created with `device.pass.create`. */
  available: z.number().int(),
});
export type TDevicePassSummary = z.infer<typeof ZDevicePassSummary>;

export const ZPassValidation = z.object({
  code: z.string(),
  valid: z.boolean(),
  /** Why the code cannot be used; null when it can. */
  reason: z.enum(['unknown', 'used', 'revoked']).nullable(),
});
export type TPassValidation = z.infer<typeof ZPassValidation>;

export const ZDeviceItem = z.object({
  kind: z.literal('device'),
  variant: ZDeviceVariant,
  colorway: ZColorway,
  quantity: z.number().int().min(1).max(5),
});

export const ZPodsItem = z.object({
  kind: z.literal('pods'),
  /** The device the pods fit. */
  variant: ZDeviceVariant,
  flavor: ZPodFlavor,
  /** Vape pods only: 0 % or 2 %. Fresh pods have no nicotine choice. */
  nicotine: ZNicotine.optional(),
  quantity: z.number().int().min(1).max(50),
});

export const ZQuoteItem = z.discriminatedUnion('kind', [ZDeviceItem, ZPodsItem]);
export type TQuoteItem = z.infer<typeof ZQuoteItem>;

export const ZQuoteInput = z.object({
  items: z.array(ZQuoteItem).min(1).max(10),
  country: ZCountryCode,
  passCode: ZPassCode.optional(),
});
export type TQuoteInput = z.infer<typeof ZQuoteInput>;

/** Rules that refuse an item or a pass code; the refusal names the one that failed. */
const REFUSAL_RULES = [
  'colorway',
  'pods_nicotine',
  'pods_flavor',
  'vape_country',
  'pass_not_applicable',
  'pass_invalid',
  'product_unavailable',
] as const;

/** Rules that take money off a quote; a `ZQuoteDiscount` names the one it applied. */
const DISCOUNT_RULES = ['wl_first_device_free', 'device_pass'] as const;

/** The pricing rules a quote applies, each named so a refusal or a discount says which one. */
export const ZPricingRule = z.enum([...DISCOUNT_RULES, ...REFUSAL_RULES]);
export type TPricingRule = z.infer<typeof ZPricingRule>;

export const ZQuoteLine = z.object({
  sku: z.string(),
  kind: ZProductKind,
  variant: ZDeviceVariant,
  colorway: ZColorway.nullable(),
  flavor: ZPodFlavor.nullable(),
  nicotine: ZNicotine.nullable(),
  quantity: z.number().int(),
  unitPrice: ZUsdtAmount,
  discount: ZUsdtAmount,
  total: ZUsdtAmount,
});
export type TQuoteLine = z.infer<typeof ZQuoteLine>;

export const ZQuoteDiscount = z.object({
  rule: ZPricingRule,
  amount: ZUsdtAmount,
  description: z.string(),
});

export const ZQuote = z.object({
  quoteId: z.string(),
  lines: z.array(ZQuoteLine),
  subtotal: ZUsdtAmount,
  discounts: z.array(ZQuoteDiscount),
  shipping: ZUsdtAmount,
  total: ZUsdtAmount,
  expiresAt: z.iso.datetime(),
});
export type TQuote = z.infer<typeof ZQuote>;

/** What a member may buy or claim (`user.eligibleProducts`). */
export const ZEligibleProducts = z.object({
  whitelistHolder: z.boolean(),
  /** A whitelist holder whose free first device is still unclaimed. */
  freeDevice: z.boolean(),
  /** Colorways this member may choose, per device variant. */
  colorways: z.record(z.string(), z.array(ZColorway)),
  /** Device passes still to be created. */
  passesAvailable: z.number().int(),
});
export type TEligibleProducts = z.infer<typeof ZEligibleProducts>;
