import { randomUUID } from 'node:crypto';
import { SqliteConnection, testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  callerFor,
  createMember,
  type StoreWorld,
  startStoreWorld,
  usAddress,
} from '../support/store-harness';

const sqlite = testDatabases().find((factory) => factory.name === 'sqlite');
if (!sqlite) throw new Error('the SQLite test database is always available');

/**
 * Checkout reads the catalog once, however many lines the cart has: the statements one checkout sends
 * are the same for one line and for four (watched where every SQLite statement passes).
 */
describe('checkout queries', () => {
  let world: StoreWorld;
  beforeAll(async () => {
    world = await startStoreWorld(sqlite);
  });
  afterAll(() => world.close());

  async function statementsOfCheckout(
    items: Parameters<ReturnType<typeof callerFor>['device']['quote']>[0]['items'],
  ) {
    const member = await createMember(world);
    const api = callerFor(world, member);
    const quote = await api.device.quote({ items, country: 'US' });
    const execute = vi.spyOn(
      SqliteConnection.prototype as unknown as { execute: (sql: string) => unknown },
      'execute',
    );
    try {
      const order = await api.order.checkout({
        quoteId: quote.quoteId,
        shippingAddress: usAddress,
        idempotencyKey: randomUUID(),
      });
      expect(order.lines).toHaveLength(items.length);
      return execute.mock.calls.map(([sql]) => sql);
    } finally {
      execute.mockRestore();
    }
  }

  it('sends the same statements for a one-line cart and a four-line cart, reading products once', async () => {
    const one = await statementsOfCheckout([
      { kind: 'device', variant: 'vape', colorway: 'black', quantity: 1 },
    ]);
    const four = await statementsOfCheckout([
      { kind: 'device', variant: 'vape', colorway: 'black', quantity: 1 },
      { kind: 'pods', variant: 'vape', flavor: 'mint_ice', nicotine: '2', quantity: 2 },
      { kind: 'pods', variant: 'vape', flavor: 'peach_oolong', nicotine: '0', quantity: 1 },
      { kind: 'pods', variant: 'vape', flavor: 'watermelon_ice', nicotine: '2', quantity: 3 },
    ]);
    const productReads = (statements: string[]) =>
      statements.filter((sql) => /\bfrom "rc_products"/.test(sql));
    expect(productReads(one)).toHaveLength(1);
    expect(productReads(four)).toHaveLength(1);
    // Items go in with one insert, whatever their number; so does everything else.
    expect(four.filter((sql) => sql.startsWith('insert into "order_items"'))).toHaveLength(1);
    expect(four.length).toBe(one.length);
  });
});
