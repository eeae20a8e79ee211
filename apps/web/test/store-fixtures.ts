import type { TCatalog, TEligibleProducts, TOrder, TQuote } from '@puffy/contracts';
import { SAMPLE_US_ADDRESS } from '@puffy/contracts/samples';
import { CART_STORAGE_KEY, type Cart } from '../src/store/cart';
import { signedInSession } from './campaign-fixtures';
import { ok, versionOf, type WireAnswer, wireTransport } from './wire';

/** Shapes the storefront procedures answer with, typed by the shared contracts so they cannot drift. */
export const catalog: TCatalog = {
  products: [
    {
      sku: 'device-vape',
      kind: 'device',
      variant: 'vape',
      name: 'Puffy device (vape)',
      price: '99.00',
      colorways: ['community', 'black', 'white'],
      flavors: [],
      nicotine: {},
    },
    {
      sku: 'device-fresh',
      kind: 'device',
      variant: 'fresh',
      name: 'Puffy device (fresh)',
      price: '99.00',
      colorways: ['community', 'silver'],
      flavors: [],
      nicotine: {},
    },
    {
      sku: 'pods',
      kind: 'pods',
      variant: null,
      name: 'Puffy pods (box)',
      price: '9.99',
      colorways: [],
      flavors: ['peach_oolong', 'mint_ice', 'watermelon_ice'],
      nicotine: { vape: ['0', '2'] },
    },
  ],
  shipping: { defaultFee: '40.00', byCountry: { US: '50.00', CN: '50.00' } },
  vapeCountries: ['US', 'CA', 'GB', 'DE', 'FR', 'AU', 'JP'],
};

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

export function quoteOf(overrides: Partial<TQuote> = {}): TQuote {
  return {
    quoteId: 'q-1',
    lines: [
      {
        sku: 'device-vape',
        kind: 'device',
        variant: 'vape',
        colorway: 'black',
        flavor: null,
        nicotine: null,
        quantity: 1,
        unitPrice: '99.00',
        discount: '0.00',
        total: '99.00',
      },
    ],
    subtotal: '99.00',
    discounts: [],
    shipping: '50.00',
    total: '149.00',
    expiresAt: inAnHour(),
    ...overrides,
  };
}

export const ADDRESS = { ...SAMPLE_US_ADDRESS, line2: null } as const;

export function orderOf(overrides: Partial<TOrder> = {}): TOrder {
  const quote = quoteOf();
  return {
    id: 'ord-7f3a9c21',
    status: 'new',
    lines: quote.lines,
    subtotal: quote.subtotal,
    discount: '0.00',
    shipping: quote.shipping,
    total: quote.total,
    shippingAddress: { ...ADDRESS },
    addressWarnings: [],
    payment: {
      amount: quote.total,
      mint: 'Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB',
      recipient: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
      reference: '7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq',
      memo: 'puffy-order:ord-7f3a9c21',
      payBefore: inAnHour(),
      solanaPayUrl: 'solana:9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin?amount=149',
    },
    transactionHash: null,
    cancelReason: null,
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}

/** What `user.eligibleProducts` says a member may buy: by default not a whitelist holder. */
export function memberRules(holder = false): TEligibleProducts {
  return {
    whitelistHolder: holder,
    freeDevice: holder,
    colorways: holder
      ? { vape: ['community'], fresh: ['community'] }
      : { vape: ['black', 'white'], fresh: ['silver'] },
    passesAvailable: 0,
  };
}

/** Puts a cart in this (jsdom) browser's storage, as another visit would have left it. */
export function storeCart(cart: Cart): void {
  localStorage.setItem(CART_STORAGE_KEY, JSON.stringify(cart));
}

export const ONE_VAPE: Cart = {
  items: [{ kind: 'device', variant: 'vape', colorway: 'black', quantity: 1 }],
  country: 'US',
  passCode: null,
};

/**
 * The storefront's procedures over the wire fake, signed in by default, with `overrides` per path.
 */
export function storeWire(
  overrides: Record<string, (attempt: number) => WireAnswer> = {},
  session: unknown = signedInSession,
) {
  return wireTransport((path, attempt) => {
    const override = overrides[path];
    if (override) return override(attempt);
    switch (path) {
      case 'auth.session':
        return ok(session);
      case 'store.catalog':
        return ok(catalog);
      case 'device.quote':
        return ok(quoteOf());
      case 'order.history':
        return ok({ events: [] });
      case 'user.eligibleProducts':
        return ok({ entitlements: [], store: memberRules() });
      default:
        return ok(versionOf());
    }
  });
}
