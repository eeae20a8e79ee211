import { randomUUID } from 'node:crypto';
import { settleOrderReports, settleUnpaidOrder } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';
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
import { fund, payOrder } from './support/pay';

const device = { kind: 'device', variant: 'vape', colorway: 'black', quantity: 1 } as const;

/**
 * Who an order payment belongs to: the order its memo and reference name, whoever reports its hash.
 * A hash the chain has never shown pays nothing yet and reserves nothing (docs/product/payments.md).
 */
describe.each(testDatabases())('order payment ownership on $label', (factory) => {
  let world: StoreWorld;
  beforeAll(async () => {
    world = await startStoreWorld(factory);
  });
  afterAll(() => world.close());

  async function placeOrder() {
    const member = await createMember(world);
    fund(world, member.wallet);
    const api = callerFor(world, member);
    const quote = await api.device.quote({ items: [device], country: 'US' });
    const order = await api.order.checkout({
      quoteId: quote.quoteId,
      shippingAddress: usAddress,
      idempotencyKey: randomUUID(),
    });
    return { member, api, order };
  }

  async function paymentOf(hash: string) {
    const p = world.deps.db.t.payments;
    const [row] = await world.deps.db.db.select().from(p).where(eq(p.transactionHash, hash));
    return row;
  }

  /** The statuses the order went through, oldest first. */
  async function historyOf(orderId: string) {
    const h = world.deps.db.t.orderStatusHistory;
    const rows = await world.deps.db.db
      .select({ to: h.toStatus })
      .from(h)
      .where(eq(h.orderId, orderId))
      .orderBy(h.createdAt);
    return rows.map((r) => r.to);
  }

  const afterWindow = () => world.clock.advance(world.deps.storefront.paymentWindowSeconds * 1000 + 1);

  it("leaves a squatter's order new and pays the owner's when the squatted payment confirms", async () => {
    const owner = await placeOrder();
    const squatter = await placeOrder();
    const hash = payOrder(world, owner.member.wallet, owner.order);
    world.chain.setStatus(hash, 'processed');
    const reported = await squatter.api.order.submitPayment({
      orderId: squatter.order.id,
      transactionHash: hash,
    });
    expect(reported).toMatchObject({ status: 'new', transactionHash: null });
    expect(await paymentOf(hash)).toBeUndefined();

    world.chain.setStatus(hash, 'confirmed');
    expect(await settleOrderReports(world.deps, squatter.order.id)).toBe('done');
    expect(await owner.api.order.get({ orderId: owner.order.id })).toMatchObject({
      status: 'paid',
      transactionHash: hash,
    });
    expect(await paymentOf(hash)).toMatchObject({ orderId: owner.order.id, status: 'accepted' });
    expect(await historyOf(squatter.order.id)).toEqual(['new']);
    // The owner reporting it now is a harmless repeat; the squatter is refused outright.
    expect(
      (await owner.api.order.submitPayment({ orderId: owner.order.id, transactionHash: hash })).status,
    ).toBe('paid');
    expect(
      await refusalOf(
        squatter.api.order.submitPayment({ orderId: squatter.order.id, transactionHash: hash }),
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'payment_reused' });
  });

  it("pays the owner by reference at the window's end even while a squatter's report is pending", async () => {
    const owner = await placeOrder();
    const squatter = await placeOrder();
    const hash = payOrder(world, owner.member.wallet, owner.order);
    world.chain.setStatus(hash, 'processed');
    await squatter.api.order.submitPayment({ orderId: squatter.order.id, transactionHash: hash });
    world.chain.setStatus(hash, 'confirmed');
    afterWindow();
    expect(await settleUnpaidOrder(world.deps, owner.order.id)).toBe('paid');
    expect((await owner.api.order.get({ orderId: owner.order.id })).status).toBe('paid');
    expect(await settleOrderReports(world.deps, squatter.order.id)).toBe('done');
    expect((await squatter.api.order.get({ orderId: squatter.order.id })).status).toBe('new');
  });

  it('keeps an order new on a hash the chain never showed, and a real payment by reference pays it', async () => {
    const { member, api, order } = await placeOrder();
    const unseen = bs58.encode(Keypair.generate().secretKey);
    const reported = await api.order.submitPayment({ orderId: order.id, transactionHash: unseen });
    expect(reported).toMatchObject({ status: 'new', transactionHash: null });
    expect(await historyOf(order.id)).toEqual(['new']);
    expect(await settleOrderReports(world.deps, order.id)).toBe('waiting');

    const real = payOrder(world, member.wallet, order);
    afterWindow();
    expect(await settleUnpaidOrder(world.deps, order.id)).toBe('paid');
    expect(await api.order.get({ orderId: order.id })).toMatchObject({
      status: 'paid',
      transactionHash: real,
    });
    expect(await historyOf(order.id)).toEqual(['new', 'paid']);
  });

  it('pays the order once its own reported hash appears on the chain', async () => {
    const { member, api, order } = await placeOrder();
    const hash = payOrder(world, member.wallet, order);
    world.chain.setStatus(hash, 'processed');
    await api.order.submitPayment({ orderId: order.id, transactionHash: hash });
    expect(await settleOrderReports(world.deps, order.id)).toBe('waiting');
    world.chain.setStatus(hash, 'confirmed');
    expect(await settleOrderReports(world.deps, order.id)).toBe('done');
    expect(await api.order.get({ orderId: order.id })).toMatchObject({
      status: 'paid',
      transactionHash: hash,
    });
  });

  it('records an underpayment found by reference and a payment after cancellation, each with why', async () => {
    const short = await placeOrder();
    const shortHash = payOrder(world, short.member.wallet, short.order, { amount: 1_000_000n });
    afterWindow();
    expect(await settleUnpaidOrder(world.deps, short.order.id)).toBe('cancelled');
    expect(await paymentOf(shortHash)).toMatchObject({
      orderId: short.order.id,
      status: 'rejected',
      amount: 1_000_000n,
      expectedAmount: 149_000_000n,
      reason: expect.stringMatching(/order total/),
    });

    const late = await placeOrder();
    afterWindow();
    expect(await settleUnpaidOrder(world.deps, late.order.id)).toBe('cancelled');
    world.clock.advance(60_000);
    const lateHash = payOrder(world, late.member.wallet, late.order);
    expect(
      await refusalOf(late.api.order.submitPayment({ orderId: late.order.id, transactionHash: lateHash })),
    ).toMatchObject({ reason: 'order_not_new' });
    expect(await paymentOf(lateHash)).toMatchObject({
      orderId: late.order.id,
      status: 'rejected',
      amount: 149_000_000n,
      reason: expect.stringMatching(/after the payment window closed/),
    });
  });
});
