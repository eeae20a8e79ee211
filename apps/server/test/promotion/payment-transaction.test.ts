import { MEMO_PROGRAM_ID, SYSTEM_PROGRAM_ID } from '@puffy/chains';
import { testDatabases } from '@puffy/db/testing';
import { Transaction } from '@solana/web3.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createMember,
  createMembers,
  GAS_FEE,
  type Member,
  type PromotionWorld,
  refusalOf,
  START,
  startPromotionWorld,
} from '../support/promotion-harness';

describe.each(testDatabases())('promotion.paymentTransaction (one-click gas fee) on $label', (factory) => {
  let world: PromotionWorld;
  beforeAll(async () => {
    world = await startPromotionWorld(factory);
  });
  afterAll(() => world.close());

  async function claimFor(member: Member) {
    world.clock.set(START);
    const api = callerFor(world.deps, member);
    const claim = await api.promotion.complete({
      campaignId: world.campaignId,
      promotionId: world.promotionId,
    });
    return { api, claim, account: member.wallet.publicKey.toBase58() };
  }

  it('builds the Solana Pay SOL transfer unsigned; signed by the member it pays the fee and is accepted', async () => {
    const member = await createMember(world);
    const { api, claim, account } = await claimFor(member);
    const built = await api.promotion.paymentTransaction({ nftId: claim.nftId, account });
    const transaction = Transaction.from(Buffer.from(built.transaction, 'base64'));
    expect(transaction.signatures.map((s) => [s.publicKey.toBase58(), s.signature])).toEqual([
      [account, null],
    ]);
    const [memo, transfer] = transaction.instructions;
    expect(memo?.programId.toBase58()).toBe(MEMO_PROGRAM_ID);
    expect(memo?.data.toString('utf8')).toBe(claim.memo);
    expect(transfer?.programId.toBase58()).toBe(SYSTEM_PROGRAM_ID);
    expect(transfer?.keys.map((k) => k.pubkey.toBase58())).toEqual([
      account,
      claim.treasuryAddress,
      claim.reference,
    ]);

    transaction.sign(member.wallet);
    const before = world.chain.balance(claim.treasuryAddress);
    const hash = world.chain.send(transaction);
    expect(world.chain.balance(claim.treasuryAddress) - before).toBe(GAS_FEE);
    expect(await api.promotion.mintGas({ nftId: claim.nftId, transactionHash: hash })).toMatchObject({
      status: 'paid',
      transactionHash: hash,
    });
  });

  it('refuses another payer, an empty wallet, and a claim that is no longer payable', async () => {
    const member = await createMember(world);
    const { api, claim, account } = await claimFor(member);
    const other = (await createMember(world)).wallet.publicKey.toBase58();
    const wrong = await refusalOf(api.promotion.paymentTransaction({ nftId: claim.nftId, account: other }));
    expect(wrong).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'wrong_payer' });
    expect(wrong.message).toContain(`${account.slice(0, 4)}…${account.slice(-4)}`);

    const [poor] = await createMembers(world, 1, { fund: false });
    if (!poor) throw new Error('member not created');
    const poorClaim = await claimFor(poor);
    expect(
      await refusalOf(
        poorClaim.api.promotion.paymentTransaction({
          nftId: poorClaim.claim.nftId,
          account: poorClaim.account,
        }),
      ),
    ).toMatchObject({
      reason: 'insufficient_sol',
      message: expect.stringMatching(/holds 0 SOL; the gas fee is 0\.01 SOL/),
    });

    const n = world.deps.db.t.userNfts;
    await world.deps.db.db.update(n).set({ status: 'paid' }).where(eq(n.id, claim.nftId));
    expect(await refusalOf(api.promotion.paymentTransaction({ nftId: claim.nftId, account }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'claim_already_paid',
    });
    // Someone else's claim reads as missing.
    expect(
      await refusalOf(
        callerFor(world.deps, poor).promotion.paymentTransaction({
          nftId: claim.nftId,
          account: poorClaim.account,
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses once the payment window has closed', async () => {
    const member = await createMember(world);
    const { api, claim, account } = await claimFor(member);
    world.clock.set(new Date(new Date(claim.payBefore).getTime() + 1_000));
    expect(await refusalOf(api.promotion.paymentTransaction({ nftId: claim.nftId, account }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'payment_window_closed',
    });
  });
});
