import { randomUUID } from 'node:crypto';
import { type Session, settleOrderReports } from '@puffy/api';
import { migrateDown, migrateUp, rawRows } from '@puffy/db';
import { testDatabases } from '@puffy/db/testing';
import { asc, count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fund, payOrder } from '../order/support/pay';
import {
  callerFor,
  createMember,
  type StoreWorld,
  startStoreWorld,
  usAddress,
} from '../support/store-harness';

const MIGRATION = '0004_store_catalog';
const operator: Pick<Session, 'role' | 'scopes'> = { role: 'admin', scopes: ['settings'] };

/**
 * Production never runs the demo seed: the migrations alone must give a store that sells, with the
 * catalog and settings of docs/product/store-rules.md, and never take an operator's edit back.
 */
describe.each(testDatabases())('the production catalog from the migrations on $label', (factory) => {
  let world: StoreWorld;
  beforeAll(async () => {
    world = await startStoreWorld(factory, { seed: false });
  });
  afterAll(() => world.close());

  /** Every catalog and store-settings row, ids included, in a stable order. */
  async function storeRows() {
    const { db, t } = world.deps.db;
    return {
      products: await db.select().from(t.rcProducts).orderBy(asc(t.rcProducts.id)),
      settings: (await db.select().from(t.settings).orderBy(asc(t.settings.key))).map((s) => ({
        key: s.key,
        value: s.value,
        updatedAt: s.updatedAt.getTime(),
      })),
    };
  }

  it('sells a device on a database nobody seeded: catalog, quote, checkout, payment', async () => {
    const { db, t } = world.deps.db;
    expect((await db.select({ n: count() }).from(t.campaigns))[0]?.n).toBe(0);

    const member = await createMember(world);
    fund(world, member.wallet);
    const api = callerFor(world, member);
    const catalog = await api.store.catalog();
    expect(catalog.products).toEqual([
      expect.objectContaining({
        sku: 'device-vape',
        price: '99.00',
        colorways: ['community', 'black', 'white'],
      }),
      expect.objectContaining({ sku: 'device-fresh', price: '99.00', colorways: ['community', 'silver'] }),
      expect.objectContaining({
        sku: 'pods',
        price: '9.99',
        flavors: ['peach_oolong', 'mint_ice', 'watermelon_ice'],
        nicotine: { vape: ['0', '2'], fresh: [] },
      }),
    ]);
    expect(catalog.shipping).toEqual({ defaultFee: '40.00', byCountry: { US: '50.00', CN: '50.00' } });
    expect(catalog.vapeCountries).toEqual(['US', 'CA', 'GB', 'DE', 'FR', 'AU', 'JP']);

    const quote = await api.device.quote({
      items: [
        { kind: 'device', variant: 'vape', colorway: 'black', quantity: 1 },
        { kind: 'pods', variant: 'vape', flavor: 'mint_ice', nicotine: '2', quantity: 1 },
      ],
      country: 'US',
    });
    expect(quote).toMatchObject({ subtotal: '108.99', shipping: '50.00', total: '158.99' });
    const order = await api.order.checkout({
      quoteId: quote.quoteId,
      shippingAddress: usAddress,
      idempotencyKey: randomUUID(),
    });
    expect(order).toMatchObject({ status: 'new', total: '158.99' });
    const hash = payOrder(world, member.wallet, order);
    await api.order.submitPayment({ orderId: order.id, transactionHash: hash });
    expect(await settleOrderReports(world.deps, order.id)).toBe('done');
    expect(await api.order.get({ orderId: order.id })).toMatchObject({
      status: 'paid',
      transactionHash: hash,
    });
  });

  it('running the migration again changes nothing and keeps an operator’s edits', async () => {
    const member = await createMember(world);
    const admin = callerFor(world, member, world.deps, operator);
    await admin.admin.store.updateProduct({
      sku: 'pods',
      name: 'Puffy pods (box of 5)',
      price: '11.50',
      active: true,
    });
    await admin.admin.store.setShipping({
      defaultFee: '35.00',
      byCountry: [{ country: 'US', fee: '45.00' }],
    });
    const edited = await storeRows();

    // The runner records what it applied; forgetting 0004 makes it run the very same file again.
    await rawRows(
      world.deps.db,
      sql`delete from puffy_migrations where name = ${MIGRATION} returning name`,
      world.deps.db.db,
    );
    expect(await migrateUp(world.deps.db)).toEqual({ applied: [MIGRATION] });
    expect(await storeRows()).toEqual(edited);
    const catalog = await callerFor(world, member).store.catalog();
    expect(catalog.products.find((p) => p.sku === 'pods')?.price).toBe('11.50');
    expect(catalog.shipping.defaultFee).toBe('35.00');
  });

  it('stepping 0004 back keeps what an operator edited or an order used, and up restores the rest', async () => {
    const member = await createMember(world);
    const admin = callerFor(world, member, world.deps, operator);
    await admin.admin.store.setVapeCountries({ countries: ['US', 'DE'] });
    const before = await storeRows();

    // Later migrations step back first (and come back after); only 0004 touches these rows.
    const applied = await rawRows(world.deps.db, sql`select name from puffy_migrations`, world.deps.db.db);
    const fromHere = applied.map((row) => String(row.name)).filter((name) => name >= MIGRATION);
    const { reverted } = await migrateDown(world.deps.db, fromHere.length);
    expect(reverted.at(-1)).toBe(MIGRATION);
    const down = await storeRows();
    // device-vape was ordered in the first test, pods and the shipping fees were edited: all stay.
    // device-fresh is untouched and unreferenced: it goes, and so does nothing else.
    expect(down.products.map((p) => p.sku)).toEqual(['device-vape', 'pods']);
    expect(down.settings).toEqual(before.settings);

    expect(await migrateUp(world.deps.db)).toEqual({ applied: [...reverted].reverse() });
    const up = await storeRows();
    expect(up.settings).toEqual(before.settings);
    expect(up.products.map(({ id: _id, ...rest }) => rest)).toEqual(
      [...before.products]
        .sort((a, b) => (a.sku === 'device-fresh' ? 1 : b.sku === 'device-fresh' ? -1 : a.id - b.id))
        .map(({ id: _id, ...rest }) => rest),
    );
  });
});
