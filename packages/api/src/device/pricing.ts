import {
  centsToUsdt,
  type TColorway,
  type TPricingRule,
  type TQuoteInput,
  type TQuoteItem,
  type TQuoteLine,
} from '@puffy/contracts';
import { BadInput } from '../platform/errors';
import type { Product } from '../store/catalog';
import { type StoreSettings, shippingCentsFor } from '../store/settings';

/** Everything a quote depends on besides its items: the database's catalog and settings, the member. */
export interface PricingContext {
  products: Product[];
  settings: StoreSettings;
  whitelistHolder: boolean;
  /**
   * The whitelist benefit is still untaken: no order had the free first device and the NFT's pass was
   * never issued (one free device in total, docs/product/store-rules.md).
   */
  freeDeviceAvailable: boolean;
  /** The pass code the member entered, already checked to be usable. */
  passCode: string | null;
}

export interface PricedLine {
  product: Product;
  item: TQuoteItem;
  unitCents: bigint;
  discountCents: bigint;
}

export interface PricedQuote {
  lines: PricedLine[];
  discounts: Array<{ rule: TPricingRule; cents: bigint; description: string }>;
  subtotalCents: bigint;
  discountCents: bigint;
  shippingCents: bigint;
  totalCents: bigint;
  /** The device line whose fee the free first device waived, if any. */
  freeDeviceSku: string | null;
  passUsed: boolean;
}

function refuse(rule: TPricingRule, field: string, message: string): never {
  throw new BadInput(`${message} (rule: ${rule})`, { [field]: [message] }, rule);
}

/** Whitelist holders get the community colorway only; everyone else the product's other colorways. */
export function allowedColorways(product: Product, whitelistHolder: boolean): TColorway[] {
  return product.colorways.filter((c) => (whitelistHolder ? c === 'community' : c !== 'community'));
}

function productFor(item: TQuoteItem, products: Product[], field: string): Product {
  const product =
    item.kind === 'device'
      ? products.find((p) => p.kind === 'device' && p.variant === item.variant)
      : (products.find((p) => p.kind === 'pods' && p.variant === item.variant) ??
        products.find((p) => p.kind === 'pods' && p.variant === null));
  if (!product) refuse('product_unavailable', field, `The ${item.variant} ${item.kind} is not for sale now.`);
  return product;
}

function checkItem(item: TQuoteItem, product: Product, ctx: PricingContext, field: string): void {
  if (item.kind === 'device') {
    const allowed = allowedColorways(product, ctx.whitelistHolder);
    if (!allowed.includes(item.colorway)) {
      refuse(
        'colorway',
        `${field}.colorway`,
        `The ${item.variant} device comes in ${allowed.join(' or ') || 'no colorway'} for you, not ${item.colorway}.`,
      );
    }
    return;
  }
  if (!product.flavors.includes(item.flavor)) {
    refuse(
      'pods_flavor',
      `${field}.flavor`,
      `Pods come in ${product.flavors.join(', ')}, not ${item.flavor}.`,
    );
  }
  const levels = product.nicotine[item.variant] ?? [];
  if (levels.length === 0 && item.nicotine !== undefined) {
    refuse(
      'pods_nicotine',
      `${field}.nicotine`,
      `${item.variant} pods have no nicotine choice; leave it out.`,
    );
  }
  if (levels.length > 0 && (item.nicotine === undefined || !levels.includes(item.nicotine))) {
    refuse(
      'pods_nicotine',
      `${field}.nicotine`,
      `${item.variant} pods need a nicotine level: ${levels.map((l) => `${l}%`).join(' or ')}.`,
    );
  }
}

function checkCountry(input: TQuoteInput, ctx: PricingContext): void {
  const vapeIndex = input.items.findIndex((item) => item.variant === 'vape');
  if (vapeIndex >= 0 && !ctx.settings.vapeCountries.includes(input.country)) {
    refuse(
      'vape_country',
      'country',
      `The vape variant ships only to ${ctx.settings.vapeCountries.join(', ')}, not to ${input.country}.`,
    );
  }
}

/**
 * Prices a cart by docs/product/store-rules.md, in integer cents: each device unit in order takes the free first
 * device, then the pass, then the regular price. Throws BadInput naming the rule for anything refused.
 */
export function priceQuote(input: TQuoteInput, ctx: PricingContext): PricedQuote {
  checkCountry(input, ctx);
  let freeLeft = ctx.whitelistHolder && ctx.freeDeviceAvailable;
  let passLeft = ctx.passCode !== null;
  let freeDeviceSku: string | null = null;
  const discounts: PricedQuote['discounts'] = [];
  const lines = input.items.map((item, index): PricedLine => {
    const field = `items.${index}`;
    const product = productFor(item, ctx.products, field);
    checkItem(item, product, ctx, field);
    let discountCents = 0n;
    if (item.kind === 'device') {
      for (let unit = 0; unit < item.quantity; unit += 1) {
        if (freeLeft) {
          freeLeft = false;
          freeDeviceSku = product.sku;
          discountCents += product.priceCents;
          discounts.push({
            rule: 'wl_first_device_free',
            cents: product.priceCents,
            description: 'Your first device is free as a whitelist holder.',
          });
        } else if (passLeft) {
          passLeft = false;
          discountCents += product.priceCents;
          discounts.push({
            rule: 'device_pass',
            cents: product.priceCents,
            description: 'The device pass waives the device fee.',
          });
        }
      }
    }
    return { product, item, unitCents: product.priceCents, discountCents };
  });
  if (passLeft) {
    refuse(
      'pass_not_applicable',
      'passCode',
      'A device pass waives a device fee, and this cart has no device it could apply to.',
    );
  }
  const subtotalCents = lines.reduce((sum, l) => sum + l.unitCents * BigInt(l.item.quantity), 0n);
  const discountCents = lines.reduce((sum, l) => sum + l.discountCents, 0n);
  const shippingCents = shippingCentsFor(ctx.settings.shipping, input.country);
  return {
    lines,
    discounts,
    subtotalCents,
    discountCents,
    shippingCents,
    totalCents: subtotalCents - discountCents + shippingCents,
    freeDeviceSku,
    passUsed: ctx.passCode !== null,
  };
}

export function toQuoteLine(line: PricedLine): TQuoteLine {
  const { item } = line;
  const gross = line.unitCents * BigInt(item.quantity);
  return {
    sku: line.product.sku,
    kind: item.kind,
    variant: item.variant,
    colorway: item.kind === 'device' ? item.colorway : null,
    flavor: item.kind === 'pods' ? item.flavor : null,
    nicotine: item.kind === 'pods' ? (item.nicotine ?? null) : null,
    quantity: item.quantity,
    unitPrice: centsToUsdt(line.unitCents),
    discount: centsToUsdt(line.discountCents),
    total: centsToUsdt(gross - line.discountCents),
  };
}
