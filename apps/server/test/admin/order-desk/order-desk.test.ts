import type { Deps } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import type { TRPCClientError } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../../support/helpers';
import {
  auditRows,
  createMember,
  createOrder,
  type DeskWorld,
  emailFor,
  orderStatus,
  signature,
  startDeskWorld,
} from './support/order-desk-fixtures';

describe.each(testDatabases())('admin orders desk on $label', (factory) => {
  let world: DeskWorld;
  let deps: Deps;
  beforeAll(async () => {
    world = await startDeskWorld(factory);
    deps = world.deps;
  });
  afterAll(async () => {
    await world?.close();
  });

  it('finds orders by id, wallet, email and transaction hash, and filters and pages them', async () => {
    const member = await createMember(deps);
    const hash = signature();
    const base = Date.parse('2026-02-01T00:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push(
        await createOrder(deps, {
          userId: member.id,
          status: i === 0 ? 'shipped' : 'confirmed',
          sku: i === 1 ? 'device-fresh' : 'device-vape',
          country: i === 2 ? 'GB' : 'US',
          email: i === 3 ? 'Grace.Hopper@Example.com' : 'ada@example.com',
          warnings: i === 4 ? ['postal code does not match the state'] : [],
          paymentTxHash: i === 0 ? hash : signature(),
          createdAt: new Date(base + i * 60_000),
        }),
      );
    const search = (input: Parameters<typeof world.admin.admin.orders.search.query>[0]) =>
      world.admin.admin.orders.search.query(input).then((p) => p.items.map((o) => o.id));

    expect(await search({ query: ids[2] })).toEqual([ids[2]]);
    expect(await search({ query: hash })).toEqual([ids[0]]);
    expect(await search({ query: member.walletAddress })).toEqual([...ids].reverse());
    expect(await search({ query: 'grace.hopper@example' })).toEqual([ids[3]]);
    expect(await search({ query: member.walletAddress, status: 'shipped' })).toEqual([ids[0]]);
    expect(await search({ query: member.walletAddress, productSku: 'device-fresh' })).toEqual([ids[1]]);
    expect(await search({ query: member.walletAddress, country: 'GB' })).toEqual([ids[2]]);
    expect(await search({ query: member.walletAddress, addressWarnings: true })).toEqual([ids[4]]);
    expect(await search({ query: member.walletAddress, addressWarnings: false })).toHaveLength(4);
    expect(
      await search({
        query: member.walletAddress,
        from: new Date(base + 60_000).toISOString(),
        to: new Date(base + 3 * 60_000).toISOString(),
      }),
    ).toEqual([ids[2], ids[1]]);

    const first = await world.admin.admin.orders.search.query({ query: member.walletAddress, limit: 3 });
    const second = await world.admin.admin.orders.search.query({
      query: member.walletAddress,
      limit: 3,
      cursor: first.nextCursor ?? undefined,
    });
    expect([...first.items, ...second.items].map((o) => o.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({ skus: ['device-vape'], total: '99.00', userId: member.id });
  });

  it('moves orders one at a time through the state machine, reporting the refused ones and why', async () => {
    const member = await createMember(deps);
    const confirmed = await createOrder(deps, { userId: member.id, status: 'confirmed' });
    const processing = await createOrder(deps, { userId: member.id, status: 'processing' });
    const fresh = await createOrder(deps, { userId: member.id, status: 'new' });

    const toProcessing = await world.admin.admin.orders.bulkSetStatus.mutate({
      orderIds: [confirmed, processing, fresh, 'no-such-order'],
      to: 'processing',
    });
    expect(toProcessing.changed).toEqual([{ orderId: confirmed, from: 'confirmed', to: 'processing' }]);
    expect(toProcessing.refused.map((r) => [r.orderId, r.code])).toEqual([
      [processing, 'illegal_transition'],
      [fresh, 'illegal_transition'],
      ['no-such-order', 'order_not_found'],
    ]);
    expect(toProcessing.refused[1]?.message).toBe('An order that is new cannot become processing.');
    expect(await orderStatus(deps, fresh)).toBe('new');

    const shipped = await world.admin.admin.orders.bulkSetStatus.mutate({
      orderIds: [confirmed, processing],
      to: 'shipped',
    });
    expect(shipped.changed.map((c) => c.orderId)).toEqual([confirmed, processing]);
    expect(shipped.refused).toEqual([]);
    expect((await emailFor(deps, 'order_shipped', confirmed)).userId).toBe(member.id);
    const audit = await auditRows(deps, confirmed, 'order.status_changed');
    expect(audit.map((a) => (a.after as { status: string }).status).sort()).toEqual([
      'processing',
      'shipped',
    ]);
    expect(audit[0]?.actorUserId).toBe(world.adminId);

    const h = deps.db.t.orderStatusHistory;
    const history = await deps.db.db.select().from(h).where(eq(h.orderId, confirmed));
    expect(history.map((r) => r.toStatus).sort()).toEqual(['processing', 'shipped']);
    expect(history.every((r) => r.actor === world.adminId)).toBe(true);
  });

  it('refuses a bulk cancellation or refund without a reason, changing nothing', async () => {
    const member = await createMember(deps);
    const order = await createOrder(deps, { userId: member.id, status: 'confirmed' });
    const refusal = await failure(
      world.admin.admin.orders.bulkSetStatus.mutate({ orderIds: [order], to: 'refunded' }),
    );
    expect(refusal.data?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(refusal.data)).toContain('need a reason');
    expect(await orderStatus(deps, order)).toBe('confirmed');
  });

  it('refunds with the reason, records the refund transaction, emails the member and writes the audit', async () => {
    const member = await createMember(deps);
    const order = await createOrder(deps, { userId: member.id, status: 'confirmed' });
    const [payment] = await deps.db.db
      .insert(deps.db.t.payments)
      .values({
        purpose: 'order',
        network: 'sol',
        transactionHash: signature(),
        payer: member.walletAddress,
        recipient: 'treasury',
        tokenMint: 'usdt',
        amount: 99_000_000n,
        expectedAmount: 99_000_000n,
        status: 'finalized',
        orderId: order,
      })
      .returning();
    const refundHash = signature();
    const event = await world.admin.admin.orders.refund.mutate({
      orderId: order,
      reason: 'device out of stock',
      refundTransactionHash: refundHash,
    });
    expect(event).toMatchObject({ orderId: order, status: 'refunded', reason: 'device out of stock' });
    const p = deps.db.t.payments;
    const [after] = await deps.db.db
      .select()
      .from(p)
      .where(eq(p.id, payment?.id ?? ''));
    expect(after).toMatchObject({ status: 'refunded', refundTxHash: refundHash });
    expect((await emailFor(deps, 'order_refunded', order)).kind).toBe('order_refunded');
    const [audit] = await auditRows(deps, order, 'order.refunded');
    expect(audit?.after).toMatchObject({ status: 'refunded', reason: 'device out of stock' });

    const again = await failure(world.admin.admin.orders.refund.mutate({ orderId: order, reason: 'twice' }));
    expect(again.data?.code).toBe('CONFLICT');
    const fresh = await createOrder(deps, { userId: member.id, status: 'new' });
    const unpaid = await failure(
      world.admin.admin.orders.refund.mutate({ orderId: fresh, reason: 'not paid' }),
    );
    expect(unpaid.message).toBe('An order that is new cannot become refunded.');
  });

  it('rolls the refund back with its audit row when a later step of the change fails', async () => {
    const member = await createMember(deps);
    const order = await createOrder(deps, { userId: member.id, status: 'confirmed' });
    const queue = deps.jobs.queue;
    const original = queue.enqueue;
    queue.enqueue = async () => {
      throw new Error('the job queue is down');
    };
    try {
      const refusal = await failure(
        world.admin.admin.orders.refund.mutate({ orderId: order, reason: 'broken' }),
      );
      expect(refusal.data?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      queue.enqueue = original;
    }
    expect(await orderStatus(deps, order)).toBe('confirmed');
    expect(await auditRows(deps, order)).toEqual([]);
    const h = deps.db.t.orderStatusHistory;
    expect(await deps.db.db.select().from(h).where(eq(h.orderId, order))).toEqual([]);
  });

  it('lets exactly one of many concurrent refunds of one order through', async () => {
    const member = await createMember(deps);
    const order = await createOrder(deps, { userId: member.id, status: 'paid' });
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        world.unbatched.admin.orders.refund.mutate({ orderId: order, reason: 'race' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.flatMap((r) =>
      r.status === 'rejected' ? [r.reason as TRPCClientError<AnyTRPCRouter>] : [],
    );
    expect(new Set(refused.map((e) => e.data?.code))).toEqual(new Set(['CONFLICT']));
    expect(await auditRows(deps, order, 'order.refunded')).toHaveLength(1);
    const h = deps.db.t.orderStatusHistory;
    expect(await deps.db.db.select().from(h).where(eq(h.orderId, order))).toHaveLength(1);
  });

  it('queues a failed mint again with an audit row, and refuses an NFT that did not fail', async () => {
    const member = await createMember(deps);
    const { t } = deps.db;
    const [campaign] = await deps.db.db.select({ id: t.campaigns.id }).from(t.campaigns).limit(1);
    const [promotion] = await deps.db.db.select({ id: t.promotions.id }).from(t.promotions).limit(1);
    if (!campaign || !promotion) throw new Error('demo data missing');
    const nft = (userId: string, status: 'mint_failed' | 'minted', sequence: number) =>
      deps.db.db
        .insert(t.userNfts)
        .values({
          userId,
          promotionId: promotion.id,
          campaignId: campaign.id,
          network: 'sol',
          sequence,
          status,
          gasFeeLamports: 0n,
          failureReason: 'rpc down',
        })
        .returning({ id: t.userNfts.id });
    const [failed] = await nft(member.id, 'mint_failed', 900_001);
    const retried = await world.admin.admin.orders.retryMint.mutate({ nftId: failed?.id ?? 0 });
    expect(retried).toMatchObject({ nftId: failed?.id, queued: true });
    expect(await auditRows(deps, String(failed?.id), 'nft.mint_retried')).toHaveLength(1);

    const [minted] = await nft((await createMember(deps)).id, 'minted', 900_002);
    const refusal = await failure(world.admin.admin.orders.retryMint.mutate({ nftId: minted?.id ?? 0 }));
    expect(refusal.data?.code).toBe('CONFLICT');
  });
});
