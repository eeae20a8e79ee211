import type { TAdminScope } from '@puffy/contracts';
import { testDatabases } from '@puffy/db/testing';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createMember,
  refusalOf,
  type StoreWorld,
  startStoreWorld,
} from '../support/store-harness';

const blackVape = { kind: 'device', variant: 'vape', colorway: 'black', quantity: 1 } as const;

/** docs/product/admin.md, Store: every edit is checked, audited, and read by the shop at once. */
describe.each(testDatabases())('the admin Store section on $label', (factory) => {
  let world: StoreWorld;
  let operatorId: string;
  let admin: ReturnType<typeof callerFor>;
  let member: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    world = await startStoreWorld(factory, { seed: false });
    const operator = await createMember(world);
    operatorId = operator.userId;
    admin = callerFor(world, operator, world.deps, { role: 'admin', scopes: ['settings'] });
    member = callerFor(world, await createMember(world));
  });
  afterAll(() => world.close());

  /** The operator's audit rows of one action on one target (the test clock is fixed, so no order). */
  async function auditOf(action: string, targetId: string) {
    const a = world.deps.db.t.auditLog;
    return world.deps.db.db
      .select()
      .from(a)
      .where(and(eq(a.actorUserId, operatorId), eq(a.action, action), eq(a.targetId, targetId)));
  }

  async function auditCount() {
    const a = world.deps.db.t.auditLog;
    const [row] = await world.deps.db.db.select({ n: count() }).from(a);
    return row?.n ?? 0;
  }

  it('shows every product and the settings the migration wrote', async () => {
    expect(await admin.admin.store.settings()).toEqual({
      products: [
        expect.objectContaining({
          sku: 'device-vape',
          price: '99.00',
          active: true,
          colorways: ['community', 'black', 'white'],
        }),
        expect.objectContaining({
          sku: 'device-fresh',
          price: '99.00',
          active: true,
          colorways: ['community', 'silver'],
        }),
        expect.objectContaining({
          sku: 'pods',
          kind: 'pods',
          variant: null,
          price: '9.99',
          flavors: ['peach_oolong', 'mint_ice', 'watermelon_ice'],
          nicotine: { vape: ['0', '2'], fresh: [] },
        }),
      ],
      shipping: {
        defaultFee: '40.00',
        byCountry: [
          { country: 'CN', fee: '50.00' },
          { country: 'US', fee: '50.00' },
        ],
      },
      vapeCountries: ['AU', 'CA', 'DE', 'FR', 'GB', 'JP', 'US'],
    });
  });

  it('changes a price and takes a product off sale, audited, and the next quote uses it', async () => {
    const after = await admin.admin.store.updateProduct({
      sku: 'device-vape',
      name: 'Puffy device (vape)',
      price: '89.5',
      active: true,
    });
    expect(after.products[0]).toMatchObject({ sku: 'device-vape', price: '89.50' });
    expect((await member.device.quote({ items: [blackVape], country: 'US' })).total).toBe('139.50');
    expect((await member.store.catalog()).products[0]?.price).toBe('89.50');
    expect(await auditOf('store.product_updated', 'device-vape')).toEqual([
      expect.objectContaining({
        targetType: 'rc_product',
        before: { name: 'Puffy device (vape)', price: '99.00', active: true },
        after: { name: 'Puffy device (vape)', price: '89.50', active: true },
      }),
    ]);
    const [{ priceCents } = { priceCents: -1n }] = await world.deps.db.db
      .select({ priceCents: world.deps.db.t.rcProducts.priceCents })
      .from(world.deps.db.t.rcProducts)
      .where(eq(world.deps.db.t.rcProducts.sku, 'device-vape'));
    expect(priceCents).toBe(8950n);

    await admin.admin.store.updateProduct({
      sku: 'device-fresh',
      name: 'Puffy device (fresh)',
      price: '99',
      active: false,
    });
    const fresh = { kind: 'device', variant: 'fresh', colorway: 'silver', quantity: 1 } as const;
    expect(await refusalOf(member.device.quote({ items: [fresh], country: 'US' }))).toMatchObject({
      reason: 'product_unavailable',
    });
    expect((await member.store.catalog()).products.map((p) => p.sku)).toEqual(['device-vape', 'pods']);
    await admin.admin.store.updateProduct({
      sku: 'device-fresh',
      name: 'Puffy device (fresh)',
      price: '99',
      active: true,
    });
  });

  it('edits colorways and pod options, keeping each choice once in a fixed order', async () => {
    const colorways = await admin.admin.store.setColorways({
      sku: 'device-vape',
      colorways: ['black', 'community', 'black'],
    });
    expect(colorways.products[0]?.colorways).toEqual(['community', 'black']);
    const white = { ...blackVape, colorway: 'white' } as const;
    expect(await refusalOf(member.device.quote({ items: [white], country: 'US' }))).toMatchObject({
      reason: 'colorway',
    });
    expect(await auditOf('store.product_options_set', 'device-vape')).toEqual([
      expect.objectContaining({
        before: { colorways: ['community', 'black', 'white'] },
        after: { colorways: ['community', 'black'] },
      }),
    ]);

    const pods = await admin.admin.store.setPodOptions({
      sku: 'pods',
      flavors: ['mint_ice'],
      nicotine: { vape: ['2'], fresh: [] },
    });
    expect(pods.products[2]).toMatchObject({ flavors: ['mint_ice'], nicotine: { vape: ['2'], fresh: [] } });
    const pod = (flavor: 'mint_ice' | 'peach_oolong', nicotine: '0' | '2') =>
      ({ kind: 'pods', variant: 'vape', flavor, nicotine, quantity: 1 }) as const;
    expect(
      await refusalOf(member.device.quote({ items: [pod('peach_oolong', '2')], country: 'US' })),
    ).toMatchObject({
      reason: 'pods_flavor',
    });
    expect(
      await refusalOf(member.device.quote({ items: [pod('mint_ice', '0')], country: 'US' })),
    ).toMatchObject({
      reason: 'pods_nicotine',
    });
    expect((await member.device.quote({ items: [pod('mint_ice', '2')], country: 'US' })).subtotal).toBe(
      '9.99',
    );
  });

  it('sets shipping fees by country and the vape countries, in upper case and whole cents', async () => {
    const shipped = await admin.admin.store.setShipping({
      defaultFee: '30',
      byCountry: [
        { country: 'us', fee: '45.00' },
        { country: 'GB', fee: '12.5' },
      ],
    });
    expect(shipped.shipping).toEqual({
      defaultFee: '30.00',
      byCountry: [
        { country: 'GB', fee: '12.50' },
        { country: 'US', fee: '45.00' },
      ],
    });
    expect(await auditOf('store.shipping_fees_set', 'shipping_fees')).toEqual([
      expect.objectContaining({
        targetType: 'settings',
        before: { defaultCents: 4000, byCountry: { CN: 5000, US: 5000 } },
        after: { defaultCents: 3000, byCountry: { GB: 1250, US: 4500 } },
      }),
    ]);
    expect((await member.device.quote({ items: [blackVape], country: 'GB' })).shipping).toBe('12.50');
    expect((await member.device.quote({ items: [blackVape], country: 'FR' })).shipping).toBe('30.00');

    expect(await refusalOf(member.device.quote({ items: [blackVape], country: 'NZ' }))).toMatchObject({
      reason: 'vape_country',
    });
    const vape = await admin.admin.store.setVapeCountries({ countries: ['nz', 'US', 'US'] });
    expect(vape.vapeCountries).toEqual(['NZ', 'US']);
    expect((await member.device.quote({ items: [blackVape], country: 'NZ' })).shipping).toBe('30.00');
    expect((await member.store.catalog()).vapeCountries).toEqual(['NZ', 'US']);
    expect(await auditOf('store.vape_countries_set', 'vape_countries')).toEqual([
      expect.objectContaining({ before: ['US', 'CA', 'GB', 'DE', 'FR', 'AU', 'JP'], after: ['NZ', 'US'] }),
    ]);
  });

  it('writes no audit row for an edit that changes nothing', async () => {
    const before = await auditCount();
    const current = await admin.admin.store.settings();
    await admin.admin.store.setVapeCountries({ countries: current.vapeCountries ?? [] });
    await admin.admin.store.updateProduct({
      sku: 'pods',
      name: 'Puffy pods (box)',
      price: '9.99',
      active: true,
    });
    expect(await auditCount()).toBe(before);
  });

  const refusals: Array<[string, (api: typeof admin) => Promise<unknown>, string]> = [
    [
      'a price finer than a cent',
      (a) => a.admin.store.updateProduct({ sku: 'pods', name: 'Pods', price: '9.999', active: true }),
      'BAD_REQUEST',
    ],
    [
      'a price of zero',
      (a) => a.admin.store.updateProduct({ sku: 'pods', name: 'Pods', price: '0.00', active: true }),
      'BAD_REQUEST',
    ],
    [
      'a negative price',
      (a) => a.admin.store.updateProduct({ sku: 'pods', name: 'Pods', price: '-1.00', active: true }),
      'BAD_REQUEST',
    ],
    [
      'a price above 10,000',
      (a) => a.admin.store.updateProduct({ sku: 'pods', name: 'Pods', price: '10000.01', active: true }),
      'BAD_REQUEST',
    ],
    [
      'an empty name',
      (a) => a.admin.store.updateProduct({ sku: 'pods', name: '  ', price: '9.99', active: true }),
      'BAD_REQUEST',
    ],
    [
      'an unknown product',
      (a) => a.admin.store.updateProduct({ sku: 'nope', name: 'Nope', price: '9.99', active: true }),
      'NOT_FOUND',
    ],
    [
      'colorways without community',
      (a) => a.admin.store.setColorways({ sku: 'device-vape', colorways: ['black'] }),
      'BAD_REQUEST',
    ],
    [
      'community alone',
      (a) => a.admin.store.setColorways({ sku: 'device-vape', colorways: ['community'] }),
      'BAD_REQUEST',
    ],
    ['no colorway', (a) => a.admin.store.setColorways({ sku: 'device-vape', colorways: [] }), 'BAD_REQUEST'],
    [
      'an unknown colorway',
      (a) => a.admin.store.setColorways({ sku: 'device-vape', colorways: ['community', 'gold' as never] }),
      'BAD_REQUEST',
    ],
    [
      'colorways on pods',
      (a) => a.admin.store.setColorways({ sku: 'pods', colorways: ['community', 'black'] }),
      'BAD_REQUEST',
    ],
    [
      'no flavour',
      (a) => a.admin.store.setPodOptions({ sku: 'pods', flavors: [], nicotine: { vape: ['2'], fresh: [] } }),
      'BAD_REQUEST',
    ],
    [
      'vape pods with no nicotine level',
      (a) =>
        a.admin.store.setPodOptions({
          sku: 'pods',
          flavors: ['mint_ice'],
          nicotine: { vape: [], fresh: [] },
        }),
      'BAD_REQUEST',
    ],
    [
      'pod options on a device',
      (a) =>
        a.admin.store.setPodOptions({
          sku: 'device-vape',
          flavors: ['mint_ice'],
          nicotine: { vape: ['2'], fresh: [] },
        }),
      'BAD_REQUEST',
    ],
    [
      'a fee finer than a cent',
      (a) => a.admin.store.setShipping({ defaultFee: '1.234', byCountry: [] }),
      'BAD_REQUEST',
    ],
    ['a negative fee', (a) => a.admin.store.setShipping({ defaultFee: '-5', byCountry: [] }), 'BAD_REQUEST'],
    [
      'a country ISO does not assign',
      (a) => a.admin.store.setShipping({ defaultFee: '5', byCountry: [{ country: 'XX', fee: '5' }] }),
      'BAD_REQUEST',
    ],
    [
      'a region that is not a country',
      (a) => a.admin.store.setShipping({ defaultFee: '5', byCountry: [{ country: 'EU', fee: '5' }] }),
      'BAD_REQUEST',
    ],
    [
      'a country twice',
      (a) =>
        a.admin.store.setShipping({
          defaultFee: '5',
          byCountry: [
            { country: 'US', fee: '5' },
            { country: 'us', fee: '6' },
          ],
        }),
      'BAD_REQUEST',
    ],
    ['no vape country', (a) => a.admin.store.setVapeCountries({ countries: [] }), 'BAD_REQUEST'],
    ['a three-letter country', (a) => a.admin.store.setVapeCountries({ countries: ['USA'] }), 'BAD_REQUEST'],
  ];

  it.each(refusals)('refuses %s and changes nothing', async (_label, call, code) => {
    const before = await admin.admin.store.settings();
    const audits = await auditCount();
    const refusal = await refusalOf(call(admin));
    expect(refusal.code).toBe(code);
    expect(await admin.admin.store.settings()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses members and operators without the settings scope, changing nothing', async () => {
    const before = await admin.admin.store.settings();
    const others = callerFor(world, await createMember(world), world.deps, {
      role: 'admin',
      scopes: ['campaigns', 'orders', 'users'] satisfies TAdminScope[],
    });
    for (const api of [member, others]) {
      const reason = api === member ? 'not_admin' : 'missing_scope';
      expect(await refusalOf(api.admin.store.settings())).toMatchObject({ code: 'FORBIDDEN', reason });
      expect(
        await refusalOf(
          api.admin.store.updateProduct({ sku: 'pods', name: 'Free pods', price: '0.01', active: true }),
        ),
      ).toMatchObject({ code: 'FORBIDDEN', reason });
      expect(await refusalOf(api.admin.store.setVapeCountries({ countries: ['CN'] }))).toMatchObject({
        code: 'FORBIDDEN',
        reason,
      });
    }
    expect(await admin.admin.store.settings()).toEqual(before);
  });
});
