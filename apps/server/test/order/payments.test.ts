import { randomUUID } from 'node:crypto';
import { confirmOrderPayment, settleUnpaidOrder } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { Keypair } from '@solana/web3.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createMember,
  refusalOf,
  type StoreWorld,
  secondInstance,
  startStoreWorld,
  usAddress,
} from '../support/store-harness';
import { fund, payOrder } from './support/pay';

const device = { kind: 'device', variant: 'vape', colorway: 'black', quantity: 1 } as const;

describe.each(testDatabases())('order payments on $label', (factory) => {
  let world: StoreWorld;
  beforeAll(async () => {
    world = await startStoreWorld(factory);
  });
  afterAll(() => world.close());

  async function placeOrder(
    options: {
      passCode?: string;
      whitelist?: boolean;
      member?: Awaited<ReturnType<typeof createMember>>;
    } = {},
  ) {
    const member = options.member ?? (await createMember(world, { whitelist: options.whitelist }));
    fund(world, member.wallet);
    const api = callerFor(world, member);
    const quote = await api.device.quote({
      items: [device],
      country: 'US',
      ...(options.passCode ? { passCode: options.passCode } : {}),
    });
    const order = await api.order.checkout({
      quoteId: quote.quoteId,
      shippingAddress: usAddress,
      idempotencyKey: randomUUID(),
    });
    return { member, api, order };
  }

  const paymentRow = async (hash: string) => {
    const { db } = world.deps;
    const [row] = await db.db.select().from(db.t.payments).where(eq(db.t.payments.transactionHash, hash));
    return row;
  };

  it('confirms a real USDT transfer at finalized, in one transaction with the payment row', async () => {
    const { member, api, order } = await placeOrder();
    expect(order.payment).toMatchObject({
      amount: '149.00',
      mint: world.mint,
      recipient: world.treasury.publicKey.toBase58(),
    });
    expect(order.payment.solanaPayUrl).toMatch(/^solana:/);
    const signature = payOrder(world, member.wallet, order);
    const paid = await api.order.submitPayment({ orderId: order.id, transactionHash: signature });
    expect(paid).toMatchObject({ status: 'paid', transactionHash: signature });
    // Submitting the same hash again is harmless.
    expect((await api.order.submitPayment({ orderId: order.id, transactionHash: signature })).status).toBe(
      'paid',
    );
    expect(await confirmOrderPayment(world.deps, order.id)).toBe('waiting');
    world.chain.setStatus(signature, 'finalized');
    const outcomes = await Promise.all([
      confirmOrderPayment(world.deps, order.id),
      confirmOrderPayment(world.deps, order.id),
    ]);
    expect(outcomes.sort()).toEqual(['confirmed', 'skipped']);
    expect(await confirmOrderPayment(world.deps, order.id)).toBe('skipped');
    expect((await api.order.get({ orderId: order.id })).status).toBe('confirmed');
    expect(await paymentRow(signature)).toMatchObject({
      status: 'finalized',
      amount: 149_000_000n,
      surplus: 0n,
    });
  });

  it.each([
    ['wrong mint', 'wrong_mint'],
    ['wrong recipient', 'wrong_recipient'],
    ['short amount', 'amount_too_small'],
    ['wrong memo', 'memo_mismatch'],
    ['failed transaction', 'failed'],
  ])('refuses a payment with a %s (reason %s) and leaves the order new', async (kind, reason) => {
    const { member, api, order } = await placeOrder();
    const otherMint = world.chain.createMint({ decimals: 6 });
    if (kind === 'wrong mint') {
      fund(world, member.wallet, 1_000_000_000n, otherMint);
      world.chain.mintTo(otherMint, world.treasury.publicKey.toBase58(), 0n);
    }
    const stranger = Keypair.generate().publicKey;
    if (kind === 'wrong recipient') world.chain.mintTo(world.mint, stranger.toBase58(), 0n);
    const signature = payOrder(world, member.wallet, order, {
      ...(kind === 'wrong mint' ? { mint: otherMint } : {}),
      ...(kind === 'wrong recipient' ? { recipient: stranger } : {}),
      ...(kind === 'short amount' ? { amount: 148_990_000n } : {}),
      ...(kind === 'wrong memo' ? { memo: JSON.stringify({ order_id: randomUUID() }) } : {}),
      ...(kind === 'failed transaction' ? { amount: 10_000_000_000n, skipPreflight: true } : {}),
    });
    const refused = await refusalOf(
      api.order.submitPayment({ orderId: order.id, transactionHash: signature }),
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', reason });
    expect((await api.order.get({ orderId: order.id })).status).toBe('new');
    // USDT that reached the treasury is on the books, paying nothing, for its refund.
    const reached = kind === 'short amount' || kind === 'wrong memo';
    if (reached) {
      expect(await paymentRow(signature)).toMatchObject({
        status: 'rejected',
        orderId: kind === 'short amount' ? order.id : null,
        reason: kind === 'short amount' ? refused.message : expect.stringMatching(/names no order/),
      });
    } else {
      expect(await paymentRow(signature)).toBeUndefined();
    }
  });

  it('refuses a transaction hash that already paid for another order', async () => {
    const first = await placeOrder();
    const second = await placeOrder({ member: first.member });
    const signature = payOrder(world, first.member.wallet, first.order, { alsoPays: [second.order] });
    await first.api.order.submitPayment({ orderId: first.order.id, transactionHash: signature });
    const refused = await refusalOf(
      first.api.order.submitPayment({ orderId: second.order.id, transactionHash: signature }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'payment_reused' });
    expect((await first.api.order.get({ orderId: second.order.id })).status).toBe('new');
  });

  it('expires a paid order whose payment never verifies, giving its pass back', async () => {
    const owner = callerFor(world, await createMember(world, { whitelist: true }));
    const { code } = await owner.device.pass.create();
    const { member, api, order } = await placeOrder({ passCode: code });
    expect(order.total).toBe('50.00');
    const signature = payOrder(world, member.wallet, order);
    await api.order.submitPayment({ orderId: order.id, transactionHash: signature });
    world.chain.drop(signature);
    expect(await confirmOrderPayment(world.deps, order.id)).toBe('waiting');
    world.clock.advance(world.deps.storefront.confirmationWindowSeconds * 1000 + 1);
    expect(await confirmOrderPayment(world.deps, order.id)).toBe('expired');
    const expired = await api.order.get({ orderId: order.id });
    expect(expired.status).toBe('expired');
    expect(expired.cancelReason).toMatch(/confirmation window/);
    expect(await paymentRow(signature)).toMatchObject({ status: 'rejected' });
    expect(await owner.device.pass.validate({ code })).toMatchObject({ valid: true });
  });

  it('cancels an unpaid order after the window, giving the pass back, but not before', async () => {
    const owner = callerFor(world, await createMember(world, { whitelist: true }));
    const { code } = await owner.device.pass.create();
    const { api, order } = await placeOrder({ passCode: code });
    expect(await settleUnpaidOrder(world.deps, order.id)).toBe('waiting');
    world.clock.advance(world.deps.storefront.paymentWindowSeconds * 1000 + 1);
    expect(await settleUnpaidOrder(world.deps, order.id)).toBe('cancelled');
    expect(await settleUnpaidOrder(world.deps, order.id)).toBe('skipped');
    expect(await api.order.get({ orderId: order.id })).toMatchObject({
      status: 'cancelled',
      cancelReason: 'not paid in time',
    });
    expect(await owner.device.pass.validate({ code })).toMatchObject({ valid: true });
  });

  it('finds an unreported payment by its reference instead of cancelling, then confirms it', async () => {
    const { member, api, order } = await placeOrder();
    const signature = payOrder(world, member.wallet, order);
    world.chain.setStatus(signature, 'finalized');
    world.clock.advance(world.deps.storefront.paymentWindowSeconds * 1000 + 1);
    expect(await settleUnpaidOrder(world.deps, order.id)).toBe('paid');
    expect(await api.order.get({ orderId: order.id })).toMatchObject({
      status: 'paid',
      transactionHash: signature,
    });
    expect(await confirmOrderPayment(world.deps, order.id)).toBe('confirmed');
  });

  it('streams the status: the current one first, then each change', async () => {
    const { member, api, order } = await placeOrder();
    const stream = await api.order.status({ orderId: order.id });
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ status: 'new' });
    const signature = payOrder(world, member.wallet, order);
    await api.order.submitPayment({ orderId: order.id, transactionHash: signature });
    expect((await iterator.next()).value).toMatchObject({ status: 'paid', reason: 'payment submitted' });
    await iterator.return?.();
  });

  it('survives a confirmation run killed inside its transaction: nothing half-done, the rerun confirms once', async () => {
    const { member, api, order } = await placeOrder();
    const signature = payOrder(world, member.wallet, order);
    await api.order.submitPayment({ orderId: order.id, transactionHash: signature });
    world.chain.setStatus(signature, 'finalized');
    const dying = {
      ...world.deps,
      jobs: {
        ...world.deps.jobs,
        queue: {
          enqueue: async () => {
            throw new Error('worker killed');
          },
        },
      },
    };
    await expect(confirmOrderPayment(dying, order.id)).rejects.toThrow('worker killed');
    expect((await api.order.get({ orderId: order.id })).status).toBe('paid');
    expect(await paymentRow(signature)).toMatchObject({ status: 'accepted' });
    expect(await confirmOrderPayment(world.deps, order.id)).toBe('confirmed');
    // A run that died after committing is repeated by the queue: it finds the work done.
    expect(await confirmOrderPayment(world.deps, order.id)).toBe('skipped');
  });

  it('lets two workers on two instances confirm the same orders, each exactly once', async () => {
    const other = await secondInstance(world);
    try {
      const orders = [];
      for (let i = 0; i < 4; i += 1) {
        const { member, api, order } = await placeOrder();
        const signature = payOrder(world, member.wallet, order);
        await api.order.submitPayment({ orderId: order.id, transactionHash: signature });
        world.chain.setStatus(signature, 'finalized');
        orders.push(order.id);
      }
      const outcomes = await Promise.all(
        orders.flatMap((id) => [confirmOrderPayment(world.deps, id), confirmOrderPayment(other.deps, id)]),
      );
      expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(4);
      const { db } = world.deps;
      for (const id of orders) {
        const history = await db.db
          .select({ to: db.t.orderStatusHistory.toStatus })
          .from(db.t.orderStatusHistory)
          .where(eq(db.t.orderStatusHistory.orderId, id));
        expect(history.map((h) => h.to).sort()).toEqual(['confirmed', 'new', 'paid']);
      }
    } finally {
      await other.close();
    }
  });
});
