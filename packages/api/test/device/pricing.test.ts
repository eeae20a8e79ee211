import type { TQuoteInput } from '@puffy/contracts';
import { describe, expect, it } from 'vitest';
import { type PricingContext, priceQuote, toQuoteLine } from '../../src/device/pricing';
import { BadInput } from '../../src/platform/errors';
import type { Product } from '../../src/store/catalog';

const products: Product[] = [
  {
    id: 1,
    sku: 'device-vape',
    kind: 'device',
    variant: 'vape',
    name: 'vape',
    priceCents: 9900n,
    colorways: ['community', 'black', 'white'],
    flavors: [],
    nicotine: {},
  },
  {
    id: 2,
    sku: 'device-fresh',
    kind: 'device',
    variant: 'fresh',
    name: 'fresh',
    priceCents: 9900n,
    colorways: ['community', 'silver'],
    flavors: [],
    nicotine: {},
  },
  {
    id: 3,
    sku: 'pods',
    kind: 'pods',
    variant: null,
    name: 'pods',
    priceCents: 999n,
    colorways: [],
    flavors: ['peach_oolong', 'mint_ice', 'watermelon_ice'],
    nicotine: { vape: ['0', '2'], fresh: [] },
  },
];

const ctx = (over: Partial<PricingContext> = {}): PricingContext => ({
  products,
  settings: {
    shipping: { defaultCents: 4000, byCountry: { US: 5000, CN: 5000 } },
    vapeCountries: ['US', 'CA', 'GB', 'DE', 'FR', 'AU', 'JP'],
  },
  whitelistHolder: false,
  freeDeviceAvailable: false,
  passCode: null,
  ...over,
});

const vape = (colorway: 'black' | 'white' | 'community' | 'silver' = 'black', quantity = 1) =>
  ({ kind: 'device', variant: 'vape', colorway, quantity }) as const;
const fresh = (colorway: 'black' | 'white' | 'community' | 'silver' = 'silver') =>
  ({ kind: 'device', variant: 'fresh', colorway, quantity: 1 }) as const;

function refusal(input: TQuoteInput, context: PricingContext): BadInput {
  try {
    priceQuote(input, context);
  } catch (error) {
    if (error instanceof BadInput) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('priceQuote', () => {
  it('charges 99.00 a device, 9.99 a box of pods and shipping by country, in cents', () => {
    const priced = priceQuote(
      {
        items: [vape(), { kind: 'pods', variant: 'vape', flavor: 'mint_ice', nicotine: '2', quantity: 3 }],
        country: 'US',
      },
      ctx(),
    );
    expect(priced.subtotalCents).toBe(9900n + 3n * 999n);
    expect(priced.shippingCents).toBe(5000n);
    expect(priced.totalCents).toBe(9900n + 2997n + 5000n);
    expect(priced.lines.map(toQuoteLine).map((l) => l.total)).toEqual(['99.00', '29.97']);
  });

  it('uses the configured fee for a listed country and the default for any other', () => {
    const at = (country: string) => priceQuote({ items: [fresh()], country }, ctx()).shippingCents;
    expect(at('CN')).toBe(5000n);
    expect(at('DE')).toBe(4000n);
    expect(
      priceQuote(
        { items: [fresh()], country: 'BR' },
        ctx({ settings: { shipping: { defaultCents: 1234, byCountry: {} }, vapeCountries: [] } }),
      ).shippingCents,
    ).toBe(1234n);
  });

  it("makes a whitelist holder's first device free, once", () => {
    const priced = priceQuote(
      { items: [vape('community', 2)], country: 'US' },
      ctx({ whitelistHolder: true, freeDeviceAvailable: true }),
    );
    expect(priced.discountCents).toBe(9900n);
    expect(priced.discounts.map((d) => d.rule)).toEqual(['wl_first_device_free']);
    expect(priced.freeDeviceSku).toBe('device-vape');
    const second = priceQuote(
      { items: [vape('community')], country: 'US' },
      ctx({ whitelistHolder: true, freeDeviceAvailable: false }),
    );
    expect(second.discountCents).toBe(0n);
  });

  it('waives one device fee with a pass, after the free device', () => {
    const priced = priceQuote(
      { items: [vape('community', 3)], country: 'US', passCode: 'PASS-AAAA-AAAA-AAAA-AAAA' },
      ctx({ whitelistHolder: true, freeDeviceAvailable: true, passCode: 'PASS-AAAA-AAAA-AAAA-AAAA' }),
    );
    expect(priced.discounts.map((d) => d.rule)).toEqual(['wl_first_device_free', 'device_pass']);
    expect(priced.totalCents).toBe(9900n + 5000n);
  });

  it('refuses a pass with no device to waive (rule pass_not_applicable)', () => {
    const error = refusal(
      {
        items: [{ kind: 'pods', variant: 'fresh', flavor: 'mint_ice', quantity: 1 }],
        country: 'US',
        passCode: 'PASS-AAAA-AAAA-AAAA-AAAA',
      },
      ctx({ passCode: 'PASS-AAAA-AAAA-AAAA-AAAA' }),
    );
    expect(error.options.reason).toBe('pass_not_applicable');
  });

  it('gives whitelist holders only the community colorway, others black/white (vape) or silver (fresh)', () => {
    expect(
      refusal({ items: [vape('black')], country: 'US' }, ctx({ whitelistHolder: true })).options.reason,
    ).toBe('colorway');
    expect(refusal({ items: [vape('community')], country: 'US' }, ctx()).options.reason).toBe('colorway');
    expect(refusal({ items: [vape('silver')], country: 'US' }, ctx()).options.reason).toBe('colorway');
    expect(refusal({ items: [fresh('black')], country: 'US' }, ctx()).options.reason).toBe('colorway');
    expect(
      refusal({ items: [fresh('silver')], country: 'US' }, ctx({ whitelistHolder: true })).options.reason,
    ).toBe('colorway');
    expect(() => priceQuote({ items: [vape('white')], country: 'US' }, ctx())).not.toThrow();
    expect(() =>
      priceQuote({ items: [fresh('community')], country: 'US' }, ctx({ whitelistHolder: true })),
    ).not.toThrow();
  });

  it('needs 0% or 2% nicotine on vape pods and none on fresh pods', () => {
    const pods = (variant: 'vape' | 'fresh', nicotine?: '0' | '2') =>
      ({
        items: [
          { kind: 'pods', variant, flavor: 'peach_oolong', quantity: 1, ...(nicotine ? { nicotine } : {}) },
        ],
        country: 'US',
      }) as TQuoteInput;
    expect(refusal(pods('vape'), ctx()).options.reason).toBe('pods_nicotine');
    expect(refusal(pods('fresh', '2'), ctx()).options.reason).toBe('pods_nicotine');
    expect(() => priceQuote(pods('vape', '0'), ctx())).not.toThrow();
    expect(() => priceQuote(pods('fresh'), ctx())).not.toThrow();
  });

  it('refuses a flavor the catalog does not list (rule pods_flavor)', () => {
    const limited = products.map((p) => (p.kind === 'pods' ? { ...p, flavors: ['mint_ice' as const] } : p));
    const error = refusal(
      { items: [{ kind: 'pods', variant: 'fresh', flavor: 'peach_oolong', quantity: 1 }], country: 'US' },
      ctx({ products: limited }),
    );
    expect(error.options.reason).toBe('pods_flavor');
  });

  it('ships the vape variant only to the configured countries (rule vape_country)', () => {
    const error = refusal({ items: [vape()], country: 'CN' }, ctx());
    expect(error.options.reason).toBe('vape_country');
    expect(error.message).toContain('rule: vape_country');
    expect(() => priceQuote({ items: [fresh()], country: 'CN' }, ctx())).not.toThrow();
    const widened = ctx({
      settings: { shipping: { defaultCents: 4000, byCountry: {} }, vapeCountries: ['CN'] },
    });
    expect(() => priceQuote({ items: [vape()], country: 'CN' }, widened)).not.toThrow();
  });

  it('refuses a product missing from the catalog (rule product_unavailable)', () => {
    const error = refusal(
      { items: [fresh()], country: 'US' },
      ctx({ products: products.filter((p) => p.sku !== 'device-fresh') }),
    );
    expect(error.options.reason).toBe('product_unavailable');
  });
});
