import { randomUUID } from 'node:crypto';
import { eligibleProducts } from '@puffy/api';
import { settingKeys } from '@puffy/db';
import { testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createMember,
  refusalOf,
  type StoreWorld,
  startStoreWorld,
  usAddress,
} from '../support/store-harness';

const vapeDevice = (colorway: 'black' | 'white' | 'community' = 'black') =>
  ({ kind: 'device', variant: 'vape', colorway, quantity: 1 }) as const;
const vapePods = { kind: 'pods', variant: 'vape', flavor: 'mint_ice', nicotine: '2', quantity: 2 } as const;

describe.each(testDatabases())('storefront checkout on $label', (factory) => {
  let world: StoreWorld;
  beforeAll(async () => {
    world = await startStoreWorld(factory);
  });
  afterAll(() => world.close());

  it('serves the catalog from the database with prices as decimal strings', async () => {
    const member = await createMember(world);
    const catalog = await callerFor(world, member).store.catalog();
    expect(catalog.products.map((p) => [p.sku, p.price])).toEqual([
      ['device-vape', '99.00'],
      ['device-fresh', '99.00'],
      ['pods', '9.99'],
    ]);
    expect(catalog.shipping).toEqual({ defaultFee: '40.00', byCountry: { US: '50.00', CN: '50.00' } });
    expect(catalog.vapeCountries).toContain('JP');
  });

  it('quotes device and pods with shipping, in exact decimal strings', async () => {
    const member = await createMember(world);
    const quote = await callerFor(world, member).device.quote({
      items: [vapeDevice(), vapePods],
      country: 'US',
    });
    expect(quote).toMatchObject({ subtotal: '118.98', shipping: '50.00', total: '168.98', discounts: [] });
    expect(new Date(quote.expiresAt).getTime() - world.clock.now().getTime()).toBe(300_000);
  });

  it("gives a whitelist holder's first device free once, and only in community", async () => {
    const holder = await createMember(world, { whitelist: true });
    const api = callerFor(world, holder);
    const refused = await refusalOf(api.device.quote({ items: [vapeDevice('black')], country: 'US' }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', reason: 'colorway' });
    const quote = await api.device.quote({ items: [vapeDevice('community')], country: 'US' });
    expect(quote.total).toBe('50.00');
    expect(quote.discounts.map((d) => d.rule)).toEqual(['wl_first_device_free']);
    await api.order.checkout({
      quoteId: quote.quoteId,
      shippingAddress: usAddress,
      idempotencyKey: randomUUID(),
    });
    const second = await api.device.quote({ items: [vapeDevice('community')], country: 'US' });
    expect(second.total).toBe('149.00');
  });

  it('refuses checkout of an expired quote and of one whose prices changed, with PRECONDITION_FAILED', async () => {
    const member = await createMember(world);
    const api = callerFor(world, member);
    const expired = await api.device.quote({ items: [vapeDevice()], country: 'US' });
    world.clock.advance(300_001);
    const late = await refusalOf(
      api.order.checkout({
        quoteId: expired.quoteId,
        shippingAddress: usAddress,
        idempotencyKey: randomUUID(),
      }),
    );
    expect(late).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'quote_expired' });

    const quote = await api.device.quote({ items: [vapeDevice()], country: 'DE' });
    const { db } = world.deps;
    await db.db
      .update(db.t.settings)
      .set({ value: { defaultCents: 4500, byCountry: { US: 5000, CN: 5000 } } })
      .where(eq(db.t.settings.key, settingKeys.shippingFees));
    try {
      const changed = await refusalOf(
        api.order.checkout({
          quoteId: quote.quoteId,
          shippingAddress: { ...usAddress, country: 'DE', postalCode: '10115', phone: '+49 30 901820' },
          idempotencyKey: randomUUID(),
        }),
      );
      expect(changed).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'quote_changed' });
      const requote = await api.device.quote({ items: [vapeDevice()], country: 'DE' });
      expect(requote.shipping).toBe('45.00');
    } finally {
      await db.db
        .update(db.t.settings)
        .set({ value: { defaultCents: 4000, byCountry: { US: 5000, CN: 5000 } } })
        .where(eq(db.t.settings.key, settingKeys.shippingFees));
    }
  });

  it('reads the vape country list from settings', async () => {
    const member = await createMember(world);
    const api = callerFor(world, member);
    expect(await refusalOf(api.device.quote({ items: [vapeDevice()], country: 'CN' }))).toMatchObject({
      reason: 'vape_country',
    });
    const { db } = world.deps;
    await db.db
      .update(db.t.settings)
      .set({ value: ['US', 'CN'] })
      .where(eq(db.t.settings.key, settingKeys.vapeCountries));
    try {
      expect((await api.device.quote({ items: [vapeDevice()], country: 'CN' })).total).toBe('149.00');
    } finally {
      await db.db
        .update(db.t.settings)
        .set({ value: ['US', 'CA', 'GB', 'DE', 'FR', 'AU', 'JP'] })
        .where(eq(db.t.settings.key, settingKeys.vapeCountries));
    }
  });

  it('places one order for one idempotency key, also when raced, and refuses the key for another request', async () => {
    const member = await createMember(world);
    const api = callerFor(world, member);
    const quote = await api.device.quote({ items: [vapeDevice(), vapePods], country: 'US' });
    const key = randomUUID();
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        callerFor(world, member).order.checkout({
          quoteId: quote.quoteId,
          shippingAddress: usAddress,
          idempotencyKey: key,
        }),
      ),
    );
    expect(new Set(attempts.map((o) => o.id)).size).toBe(1);
    const list = await api.order.list({ limit: 100 });
    expect(list.items.filter((o) => o.id === attempts[0]?.id)).toHaveLength(1);
    expect(list.items).toHaveLength(1);
    const other = await refusalOf(
      api.order.checkout({
        quoteId: quote.quoteId,
        shippingAddress: { ...usAddress, name: 'Someone Else' },
        idempotencyKey: key,
      }),
    );
    expect(other).toMatchObject({ code: 'CONFLICT', reason: 'idempotency_key_reused' });
  });

  it('stores address problems as warnings on the order, not refusals', async () => {
    const member = await createMember(world);
    const api = callerFor(world, member);
    const quote = await api.device.quote({ items: [vapeDevice()], country: 'US' });
    const order = await api.order.checkout({
      quoteId: quote.quoteId,
      shippingAddress: { ...usAddress, phone: '123', postalCode: 'ABC' },
      idempotencyKey: randomUUID(),
    });
    expect(order.status).toBe('new');
    expect(order.addressWarnings).toHaveLength(2);
    expect(order.addressWarnings.join(' ')).toMatch(/phone.*postal code/s);
    const fixed = await api.order.updateAddress({ orderId: order.id, shippingAddress: usAddress });
    expect(fixed.addressWarnings).toEqual([]);
  });

  it('lists orders newest first with cursor, status and date filters, and hides other members’ orders', async () => {
    const member = await createMember(world);
    const api = callerFor(world, member);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      world.clock.advance(1_000);
      const quote = await api.device.quote({ items: [vapeDevice()], country: 'US' });
      ids.push(
        (
          await api.order.checkout({
            quoteId: quote.quoteId,
            shippingAddress: usAddress,
            idempotencyKey: randomUUID(),
          })
        ).id,
      );
    }
    const first = await api.order.list({ limit: 2 });
    expect(first.items.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    const second = await api.order.list({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((o) => o.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    await api.order.cancel({ orderId: ids[1] ?? '' });
    expect((await api.order.list({ limit: 20, status: 'cancelled' })).items.map((o) => o.id)).toEqual([
      ids[1],
    ]);
    const firstCreated = (await api.order.get({ orderId: ids[0] ?? '' })).createdAt;
    expect((await api.order.list({ limit: 20, to: firstCreated })).items).toEqual([]);
    const stranger = callerFor(world, await createMember(world));
    expect(await refusalOf(stranger.order.get({ orderId: ids[0] ?? '' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await refusalOf(stranger.order.cancel({ orderId: ids[0] ?? '' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await refusalOf(api.order.cancel({ orderId: ids[1] ?? '' }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'illegal_transition',
    });
  });

  it('rate-limits checkout strictly (10 a minute per member) and pass validation likewise', async () => {
    const member = await createMember(world);
    const api = callerFor(world, member);
    const quote = await api.device.quote({ items: [vapeDevice()], country: 'US' });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 11 }, () =>
        api.order.checkout({
          quoteId: quote.quoteId,
          shippingAddress: usAddress,
          idempotencyKey: randomUUID(),
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    const guesses = await Promise.allSettled(
      Array.from({ length: 11 }, () => api.device.pass.validate({ code: 'PASS-2222-2222-2222-2222' })),
    );
    expect(guesses.filter((o) => o.status === 'rejected')).toHaveLength(1);
  });

  it('tells a member what they may buy or claim', async () => {
    const plain = await createMember(world);
    expect(await eligibleProducts(world.deps, plain.userId)).toEqual({
      whitelistHolder: false,
      freeDevice: false,
      colorways: { vape: ['black', 'white'], fresh: ['silver'] },
      passesAvailable: 0,
    });
    const holder = await createMember(world, { whitelist: true });
    expect(await eligibleProducts(world.deps, holder.userId)).toEqual({
      whitelistHolder: true,
      freeDevice: true,
      colorways: { vape: ['community'], fresh: ['community'] },
      passesAvailable: 1,
    });
  });
});
