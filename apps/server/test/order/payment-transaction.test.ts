import { randomUUID } from 'node:crypto';
import { confirmOrderPayment } from '@puffy/api';
import { associatedTokenAddress, MEMO_PROGRAM_ID, TOKEN_PROGRAM_ID } from '@puffy/chains';
import { testDatabases } from '@puffy/db/testing';
import { Transaction } from '@solana/web3.js';
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
import { fund } from './support/pay';

const device = { kind: 'device', variant: 'vape', colorway: 'black', quantity: 1 } as const;

describe.each(testDatabases())('order.paymentTransaction (one-click pay) on $label', (factory) => {
  let world: StoreWorld;
  beforeAll(async () => {
    world = await startStoreWorld(factory);
  });
  afterAll(() => world.close());

  async function placeOrder(usdtUnits: bigint | null = 1_000_000_000n) {
    const member = await createMember(world);
    if (usdtUnits !== null) fund(world, member.wallet, usdtUnits);
    const api = callerFor(world, member);
    const quote = await api.device.quote({ items: [device], country: 'US' });
    const order = await api.order.checkout({
      quoteId: quote.quoteId,
      shippingAddress: usAddress,
      idempotencyKey: randomUUID(),
    });
    return { member, api, order, account: member.wallet.publicKey.toBase58() };
  }

  it('builds the Solana Pay transfer unsigned; signed by the wallet it pays and confirms the order', async () => {
    const { member, api, order, account } = await placeOrder();
    const built = await api.order.paymentTransaction({ orderId: order.id, account });
    expect(built.message).toBe(`Pay 149.00 USDT for Puffy order ${order.id}`);
    const transaction = Transaction.from(Buffer.from(built.transaction, 'base64'));
    // Unsigned: one empty slot, for the member's wallet.
    expect(transaction.signatures).toHaveLength(1);
    expect(transaction.signatures[0]?.publicKey.toBase58()).toBe(account);
    expect(transaction.signatures[0]?.signature).toBeNull();
    const [memo, transfer] = transaction.instructions;
    expect(memo?.programId.toBase58()).toBe(MEMO_PROGRAM_ID);
    expect(memo?.data.toString('utf8')).toBe(order.payment.memo);
    expect(transfer?.programId.toBase58()).toBe(TOKEN_PROGRAM_ID);
    expect(transfer?.keys.map((key) => key.pubkey.toBase58())).toEqual([
      associatedTokenAddress(account, world.mint),
      world.mint,
      associatedTokenAddress(world.treasury.publicKey.toBase58(), world.mint),
      account,
      order.payment.reference,
    ]);

    transaction.sign(member.wallet);
    const signature = world.chain.send(transaction);
    expect((await api.order.submitPayment({ orderId: order.id, transactionHash: signature })).status).toBe(
      'paid',
    );
    world.chain.setStatus(signature, 'finalized');
    expect(await confirmOrderPayment(world.deps, order.id)).toBe('confirmed');
    expect(world.chain.tokenBalance(account, world.mint)).toBe(1_000_000_000n - 149_000_000n);
    // The payment row is the shared payments table's, settled by the confirmation.
    const { db } = world.deps;
    const [row] = await db.db
      .select()
      .from(db.t.payments)
      .where(eq(db.t.payments.transactionHash, signature));
    expect(row).toMatchObject({
      purpose: 'order',
      status: 'finalized',
      amount: 149_000_000n,
      orderId: order.id,
    });
  });

  it('refuses another wallet than the member’s, naming the one that must pay', async () => {
    const { api, order, account } = await placeOrder();
    const other = (await createMember(world)).wallet.publicKey.toBase58();
    const refusal = await refusalOf(api.order.paymentTransaction({ orderId: order.id, account: other }));
    expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'wrong_payer' });
    expect(refusal.message).toContain(`${account.slice(0, 4)}…${account.slice(-4)}`);
  });

  it('says how much USDT the wallet holds when it is not enough, or has no USDT account at all', async () => {
    const short = await placeOrder(10_500_000n);
    expect(
      await refusalOf(
        short.api.order.paymentTransaction({ orderId: short.order.id, account: short.account }),
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'insufficient_usdt',
      message: expect.stringContaining('holds 10.50 USDT; this order needs 149.00 USDT'),
    });
    const none = await placeOrder(null);
    expect(
      await refusalOf(none.api.order.paymentTransaction({ orderId: none.order.id, account: none.account })),
    ).toMatchObject({ reason: 'insufficient_usdt', message: expect.stringContaining('holds 0.00 USDT') });
  });

  it('refuses an order that is not new, one past its payment window, and someone else’s', async () => {
    const cancelled = await placeOrder();
    await cancelled.api.order.cancel({ orderId: cancelled.order.id });
    expect(
      await refusalOf(
        cancelled.api.order.paymentTransaction({ orderId: cancelled.order.id, account: cancelled.account }),
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'order_not_new' });

    const late = await placeOrder();
    const { db } = world.deps;
    await db.db
      .update(db.t.orders)
      .set({ payBefore: new Date(world.clock.now().getTime() - 1_000) })
      .where(eq(db.t.orders.id, late.order.id));
    expect(
      await refusalOf(late.api.order.paymentTransaction({ orderId: late.order.id, account: late.account })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'payment_window_closed' });

    const stranger = await placeOrder();
    expect(
      await refusalOf(
        stranger.api.order.paymentTransaction({ orderId: late.order.id, account: stranger.account }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers "try again" when the Solana node is down, and builds nothing', async () => {
    const { api, order, account } = await placeOrder();
    world.chain.setAvailability('down');
    try {
      expect(await refusalOf(api.order.paymentTransaction({ orderId: order.id, account }))).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
      });
    } finally {
      world.chain.setAvailability('up');
    }
    expect((await api.order.get({ orderId: order.id })).status).toBe('new');
  });
});
