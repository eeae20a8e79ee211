import { randomUUID } from 'node:crypto';
import { eligibleProducts } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createMember,
  refusalOf,
  type StoreWorld,
  startStoreWorld,
  usAddress,
} from '../support/store-harness';

const community = (quantity = 1) =>
  ({ kind: 'device', variant: 'vape', colorway: 'community', quantity }) as const;

/** docs/product/store-rules.md: a whitelist NFT is one free device in total, whichever way it is used. */
describe.each(testDatabases())('the whitelist NFT benefit on $label', (factory) => {
  let world: StoreWorld;
  beforeAll(async () => {
    world = await startStoreWorld(factory);
  });
  afterAll(() => world.close());

  const checkout = (api: ReturnType<typeof callerFor>, quoteId: string) =>
    api.order.checkout({ quoteId, shippingAddress: usAddress, idempotencyKey: randomUUID() });

  it('issuing the NFT’s device pass takes the free first device, so one cart never gets two', async () => {
    const holder = await createMember(world, { whitelist: true });
    const api = callerFor(world, holder);
    const before = await api.device.quote({ items: [community()], country: 'US' });
    expect(before.discounts.map((d) => d.rule)).toEqual(['wl_first_device_free']);

    const { code, source } = await api.device.pass.create();
    expect(source).toBe('wl_nft');
    // The quote promised the free device; it is gone now, so checkout asks for a fresh quote.
    expect(await refusalOf(checkout(api, before.quoteId))).toMatchObject({ reason: 'quote_changed' });
    const alone = await api.device.quote({ items: [community()], country: 'US' });
    expect(alone).toMatchObject({ discounts: [], total: '149.00' });
    // Two devices with the NFT's own pass: the pass waives one, the other is paid.
    const both = await api.device.quote({ items: [community(2)], country: 'US', passCode: code });
    expect(both.discounts.map((d) => d.rule)).toEqual(['device_pass']);
    expect(both.total).toBe('149.00');
    expect(await eligibleProducts(world.deps, holder.userId)).toMatchObject({
      whitelistHolder: true,
      freeDevice: false,
      passesAvailable: 0,
    });
  });

  it('an order that took the free first device leaves no pass to issue, until that order is cancelled', async () => {
    const holder = await createMember(world, { whitelist: true });
    const api = callerFor(world, holder);
    const quote = await api.device.quote({ items: [community()], country: 'US' });
    expect(quote.total).toBe('50.00');
    const order = await checkout(api, quote.quoteId);
    expect(await refusalOf(api.device.pass.create())).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'no_pass_entitlement',
    });
    expect(await api.device.pass.summary()).toMatchObject({ entitled: 0, available: 0 });
    expect(await eligibleProducts(world.deps, holder.userId)).toMatchObject({
      freeDevice: false,
      passesAvailable: 0,
    });

    await api.order.cancel({ orderId: order.id });
    expect(await api.device.pass.summary()).toMatchObject({ entitled: 1, available: 1 });
    expect((await api.device.pass.create()).source).toBe('wl_nft');
    expect(
      (await api.device.quote({ items: [community()], country: 'US' })).discounts.map((d) => d.rule),
    ).toEqual([]);
  });

  it('issues an admin-granted pass before the NFT’s, keeping the free device free as long as it can', async () => {
    const holder = await createMember(world, { whitelist: true });
    const { db } = world.deps;
    await db.db
      .insert(db.t.userProducts)
      .values({ userId: holder.userId, productSku: 'device-vape', source: 'admin' });
    const api = callerFor(world, holder);
    expect(await api.device.pass.summary()).toMatchObject({ entitled: 2, available: 2 });
    expect((await api.device.pass.create()).source).toBe('admin');
    const still = await api.device.quote({ items: [community()], country: 'US' });
    expect(still.discounts.map((d) => d.rule)).toEqual(['wl_first_device_free']);
    expect((await api.device.pass.create()).source).toBe('wl_nft');
    expect((await api.device.quote({ items: [community()], country: 'US' })).discounts).toEqual([]);
    expect(await api.device.pass.summary()).toMatchObject({ entitled: 2, available: 0 });
  });

  it('lets only one of a checkout taking the free device and the NFT’s pass being issued at once win', async () => {
    for (let round = 0; round < 10; round += 1) {
      const holder = await createMember(world, { whitelist: true });
      const api = callerFor(world, holder);
      const quote = await api.device.quote({ items: [community()], country: 'US' });
      const [ordered, issued] = await Promise.allSettled([
        checkout(api, quote.quoteId),
        api.device.pass.create(),
      ]);
      const won = [ordered, issued].filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const benefit = await eligibleProducts(world.deps, holder.userId);
      expect(benefit).toMatchObject({ freeDevice: false, passesAvailable: 0 });
    }
  });
});
