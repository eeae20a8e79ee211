import { randomUUID } from 'node:crypto';
import { testDatabases } from '@puffy/db/testing';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createMember,
  createMembers,
  refusalOf,
  type StoreWorld,
  secondInstance,
  startStoreWorld,
  usAddress,
} from '../support/store-harness';

const device = { kind: 'device', variant: 'vape', colorway: 'black', quantity: 1 } as const;
const pods = { kind: 'pods', variant: 'vape', flavor: 'peach_oolong', nicotine: '0', quantity: 1 } as const;

describe.each(testDatabases())('device passes on $label', (factory) => {
  let world: StoreWorld;
  beforeAll(async () => {
    world = await startStoreWorld(factory);
  });
  afterAll(() => world.close());

  it('issues a pass only to members entitled to one, with an unguessable unique code', async () => {
    const plain = callerFor(world, await createMember(world));
    expect(await refusalOf(plain.device.pass.create())).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'no_pass_entitlement',
    });
    const holder = callerFor(world, await createMember(world, { whitelist: true }));
    expect(await holder.device.pass.summary()).toMatchObject({ entitled: 1, available: 1, passes: [] });
    const pass = await holder.device.pass.create();
    expect(pass.code).toMatch(/^PASS(-[2-9A-HJ-NP-Z]{4}){4}$/);
    expect(await refusalOf(holder.device.pass.create())).toMatchObject({ reason: 'no_pass_entitlement' });
    expect(await holder.device.pass.summary()).toMatchObject({ entitled: 1, available: 0 });
    expect(await plain.device.pass.validate({ code: pass.code })).toEqual({
      code: pass.code,
      valid: true,
      reason: null,
    });
    expect(await plain.device.pass.validate({ code: 'PASS-2222-3333-4444-5555' })).toMatchObject({
      valid: false,
      reason: 'unknown',
    });
  });

  it('lets an admin grant add a pass', async () => {
    const member = await createMember(world);
    const { db } = world.deps;
    await db.db
      .insert(db.t.userProducts)
      .values({ userId: member.userId, productSku: 'device-fresh', source: 'admin' });
    const api = callerFor(world, member);
    expect((await api.device.pass.create()).source).toBe('admin');
  });

  it('waives the device fee for a friend, then the pass is used and refused', async () => {
    const owner = callerFor(world, await createMember(world, { whitelist: true }));
    const { code } = await owner.device.pass.create();
    const friend = callerFor(world, await createMember(world));
    const quote = await friend.device.quote({ items: [device, pods], country: 'US', passCode: code });
    expect(quote.discounts.map((d) => d.rule)).toEqual(['device_pass']);
    expect(quote.total).toBe('59.99');
    await friend.order.checkout({
      quoteId: quote.quoteId,
      shippingAddress: usAddress,
      idempotencyKey: randomUUID(),
    });
    expect(await friend.device.pass.validate({ code })).toMatchObject({ valid: false, reason: 'used' });
    expect(
      await refusalOf(friend.device.quote({ items: [device], country: 'US', passCode: code })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'pass_invalid',
    });
    const [summary] = (await owner.device.pass.summary()).passes;
    expect(summary).toMatchObject({ status: 'used', usedByOther: true });
  });

  it('gives the pass back when the order is cancelled, and records use and release', async () => {
    const owner = await createMember(world, { whitelist: true });
    const api = callerFor(world, owner);
    // A friend's pass: the holder's own NFT is one free device in total, this pass is another.
    const { code } = await callerFor(
      world,
      await createMember(world, { whitelist: true }),
    ).device.pass.create();
    // The holder's own free device goes first; the pass waives the second device.
    const quote = await api.device.quote({
      items: [{ ...device, colorway: 'community', quantity: 2 }],
      country: 'US',
      passCode: code,
    });
    expect(quote.total).toBe('50.00');
    const order = await api.order.checkout({
      quoteId: quote.quoteId,
      shippingAddress: usAddress,
      idempotencyKey: randomUUID(),
    });
    expect(await api.device.pass.validate({ code })).toMatchObject({ valid: false });
    const cancelled = await api.order.cancel({ orderId: order.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'cancelled by the member' });
    expect(await api.device.pass.validate({ code })).toMatchObject({ valid: true });
    const { db } = world.deps;
    const uses = await db.db
      .select({ action: db.t.devicePassUses.action })
      .from(db.t.devicePassUses)
      .where(eq(db.t.devicePassUses.orderId, order.id))
      .orderBy(db.t.devicePassUses.createdAt);
    expect(uses.map((u) => u.action).sort()).toEqual(['release', 'use']);
    // The free first device came back too.
    const again = await api.device.quote({ items: [{ ...device, colorway: 'community' }], country: 'US' });
    expect(again.discounts.map((d) => d.rule)).toEqual(['wl_first_device_free']);
  });

  it('lets exactly one of 500 concurrent checkouts use one pass, leaving no trace of the others', async () => {
    const owner = callerFor(world, await createMember(world, { whitelist: true }));
    const { code } = await owner.device.pass.create();
    const members = await createMembers(world, 500);
    const attempts = [];
    for (const member of members) {
      const api = callerFor(world, member);
      const quote = await api.device.quote({ items: [device, pods], country: 'US', passCode: code });
      attempts.push(() =>
        api.order.checkout({
          quoteId: quote.quoteId,
          shippingAddress: usAddress,
          idempotencyKey: randomUUID(),
        }),
      );
    }
    const outcomes = await Promise.allSettled(attempts.map((attempt) => attempt()));
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const lost of outcomes) {
      if (lost.status === 'rejected') {
        const cause = (lost.reason as { cause?: { options?: { reason?: string } } }).cause;
        expect(['pass_used', 'quote_changed']).toContain(cause?.options?.reason);
      }
    }
    const { db } = world.deps;
    const ids = members.map((m) => m.userId);
    const [orders] = await db.db
      .select({ n: count() })
      .from(db.t.orders)
      .where(inArray(db.t.orders.userId, ids));
    expect(orders?.n).toBe(1);
    const [items] = await db.db
      .select({ n: count() })
      .from(db.t.orderItems)
      .innerJoin(db.t.orders, eq(db.t.orders.id, db.t.orderItems.orderId))
      .where(inArray(db.t.orders.userId, ids));
    expect(items?.n).toBe(2);
    const uses = await db.db
      .select()
      .from(db.t.devicePassUses)
      .where(inArray(db.t.devicePassUses.userId, ids));
    expect(uses).toHaveLength(1);
  }, 180_000);

  it('returns the first order for one idempotency key raced from two server instances', async () => {
    const other = await secondInstance(world);
    try {
      const member = await createMember(world);
      const quote = await callerFor(world, member).device.quote({ items: [device], country: 'US' });
      const key = randomUUID();
      const input = { quoteId: quote.quoteId, shippingAddress: usAddress, idempotencyKey: key };
      const results = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          callerFor(world, member, i % 2 ? other.deps : world.deps).order.checkout(input),
        ),
      );
      expect(new Set(results.map((o) => o.id)).size).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('checks out all or nothing: a failure late in the transaction leaves no order, no used pass, no claimed device', async () => {
    const owner = await createMember(world, { whitelist: true });
    const api = callerFor(world, owner);
    const { code } = await callerFor(
      world,
      await createMember(world, { whitelist: true }),
    ).device.pass.create();
    const quote = await api.device.quote({
      items: [{ ...device, colorway: 'community', quantity: 2 }, pods],
      country: 'US',
      passCode: code,
    });
    const failing = {
      ...world.deps,
      jobs: {
        ...world.deps.jobs,
        queue: {
          enqueue: async () => {
            throw new Error('queue down');
          },
        },
      },
    };
    const refused = await refusalOf(
      callerFor(world, owner, failing).order.checkout({
        quoteId: quote.quoteId,
        shippingAddress: usAddress,
        idempotencyKey: randomUUID(),
      }),
    );
    expect(refused.code).toBe('INTERNAL_SERVER_ERROR');
    const { db } = world.deps;
    const [orders] = await db.db
      .select({ n: count() })
      .from(db.t.orders)
      .where(eq(db.t.orders.userId, owner.userId));
    expect(orders?.n).toBe(0);
    expect(await api.device.pass.validate({ code })).toMatchObject({ valid: true });
    expect(
      await db.db.select().from(db.t.devicePassUses).where(eq(db.t.devicePassUses.userId, owner.userId)),
    ).toEqual([]);
    const again = await api.device.quote({ items: [{ ...device, colorway: 'community' }], country: 'US' });
    expect(again.discounts.map((d) => d.rule)).toEqual(['wl_first_device_free']);
  });
});
