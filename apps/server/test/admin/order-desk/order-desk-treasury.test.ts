import type { Deps } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../../support/helpers';
import {
  auditRows,
  createMember,
  createOrder,
  type DeskWorld,
  signature,
  startDeskWorld,
} from './support/order-desk-fixtures';

describe.each(testDatabases())('admin treasury reconciliation on $label', (factory) => {
  let world: DeskWorld;
  let deps: Deps;
  beforeAll(async () => {
    world = await startDeskWorld(factory);
    deps = world.deps;
  });
  afterAll(async () => {
    await world?.close();
  });

  const USDT = 1_000_000n;

  async function pay(values: {
    orderId?: string;
    amount: bigint;
    expected: bigint;
    status?: 'pending' | 'accepted' | 'finalized' | 'rejected';
    createdAt: Date;
  }) {
    const { t } = deps.db;
    const [row] = await deps.db.db
      .insert(t.payments)
      .values({
        purpose: 'order',
        network: 'sol',
        transactionHash: signature(),
        payer: 'payer-wallet',
        recipient: deps.storefront.treasuryAddress,
        tokenMint: deps.storefront.usdtMint,
        amount: values.amount,
        expectedAmount: values.expected,
        surplus: values.amount > values.expected ? values.amount - values.expected : 0n,
        status: values.status ?? 'finalized',
        orderId: values.orderId ?? null,
        createdAt: values.createdAt,
        updatedAt: values.createdAt,
      })
      .returning();
    if (!row) throw new Error('payment not inserted');
    return row.id;
  }

  it('lists what pays for nothing, for an ended order, too much or too little, with what settles it', async () => {
    const member = await createMember(deps);
    const live = await createOrder(deps, { userId: member.id, status: 'confirmed' });
    const cancelled = await createOrder(deps, { userId: member.id, status: 'cancelled' });
    const at = (minute: number) => new Date(Date.parse('2026-03-01T00:00:00Z') + minute * 60_000);
    const fine = await pay({ orderId: live, amount: 99n * USDT, expected: 99n * USDT, createdAt: at(1) });
    const unmatched = await pay({ amount: 5n * USDT, expected: 0n, createdAt: at(2) });
    const overpaid = await pay({
      orderId: live,
      amount: 100n * USDT,
      expected: 99n * USDT,
      createdAt: at(3),
    });
    const underpaid = await pay({
      orderId: live,
      amount: 90n * USDT,
      expected: 99n * USDT,
      status: 'rejected',
      createdAt: at(4),
    });
    const orphaned = await pay({
      orderId: cancelled,
      amount: 99n * USDT,
      expected: 99n * USDT,
      createdAt: at(5),
    });
    const notArrived = await pay({ amount: 0n, expected: 99n * USDT, status: 'pending', createdAt: at(6) });

    const page = await world.admin.admin.treasury.problems.query({ limit: 100 });
    const byId = new Map(page.items.map((p) => [p.id, p]));
    expect(byId.has(fine)).toBe(false);
    expect(byId.has(notArrived)).toBe(false);
    expect(byId.get(unmatched)).toMatchObject({
      problems: ['unmatched'],
      refundAmount: '5000000',
      unit: 'USDT',
    });
    expect(byId.get(overpaid)).toMatchObject({
      problems: ['overpaid'],
      refundAmount: '1000000',
      shortfall: '0',
    });
    expect(byId.get(underpaid)).toMatchObject({
      problems: ['orphaned', 'underpaid'],
      refundAmount: '90000000',
      shortfall: '9000000',
    });
    expect(byId.get(orphaned)).toMatchObject({ problems: ['orphaned'], refundAmount: '99000000' });
    expect(page.items.map((p) => p.id)).toEqual([orphaned, underpaid, overpaid, unmatched]);

    const gas = await world.admin.admin.treasury.problems.query({ purpose: 'nft_gas' });
    expect(gas.items.some((p) => p.id === unmatched)).toBe(false);
  });

  it('marks a payment refunded with the refund hash and an audit row, once, and only once settled', async () => {
    const paymentId = await pay({ amount: 3n * USDT, expected: 0n, createdAt: new Date() });
    const hash = signature();
    const marked = await world.admin.admin.treasury.markRefunded.mutate({
      paymentId,
      refundTransactionHash: hash,
      note: 'sent back from the ops wallet',
    });
    expect(marked).toMatchObject({ status: 'refunded', refundTransactionHash: hash });
    const listed = await world.admin.admin.treasury.problems.query({ limit: 100 });
    expect(listed.items.some((p) => p.id === paymentId)).toBe(false);
    const withRefunded = await world.admin.admin.treasury.problems.query({
      limit: 100,
      includeRefunded: true,
    });
    expect(withRefunded.items.some((p) => p.id === paymentId)).toBe(true);
    const [audit] = await auditRows(deps, paymentId, 'payment.refunded');
    expect(audit?.after).toMatchObject({
      refundTransactionHash: hash,
      note: 'sent back from the ops wallet',
    });
    expect(audit?.actorUserId).toBe(world.adminId);

    const twice = await failure(
      world.admin.admin.treasury.markRefunded.mutate({ paymentId, refundTransactionHash: signature() }),
    );
    expect(twice.data?.code).toBe('PRECONDITION_FAILED');

    const pending = await pay({
      amount: 3n * USDT,
      expected: 99n * USDT,
      status: 'accepted',
      createdAt: new Date(),
    });
    const unsettled = await failure(
      world.admin.admin.treasury.markRefunded.mutate({
        paymentId: pending,
        refundTransactionHash: signature(),
      }),
    );
    expect(unsettled.data?.code).toBe('PRECONDITION_FAILED');
    expect(await auditRows(deps, pending)).toEqual([]);

    const badHash = await failure(
      world.admin.admin.treasury.markRefunded.mutate({ paymentId, refundTransactionHash: 'not-a-hash' }),
    );
    expect(badHash.data?.code).toBe('BAD_REQUEST');
  });

  it('records one refund when many admins mark the same payment at once', async () => {
    const paymentId = await pay({ amount: 2n * USDT, expected: 0n, createdAt: new Date() });
    const hashes = Array.from({ length: 30 }, () => signature());
    const results = await Promise.allSettled(
      hashes.map((refundTransactionHash) =>
        world.unbatched.admin.treasury.markRefunded.mutate({ paymentId, refundTransactionHash }),
      ),
    );
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(won).toHaveLength(1);
    const audit = await auditRows(deps, paymentId, 'payment.refunded');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ refundTransactionHash: won[0]?.refundTransactionHash });
  });

  it('keeps the treasury and the orders desk behind the orders scope', async () => {
    const usersOnly = await world.scopedAdmin(['users']);
    const refusal = await failure(usersOnly.admin.treasury.problems.query({}));
    expect(refusal.data?.reason).toBe('missing_scope');
    const ordersAdmin = await world.scopedAdmin(['orders']);
    await expect(ordersAdmin.admin.orders.search.query({})).resolves.toMatchObject({
      items: expect.any(Array),
    });
    expect((await failure(ordersAdmin.admin.members.lookup.query({ query: 'x' }))).data?.reason).toBe(
      'missing_scope',
    );
  });
});
