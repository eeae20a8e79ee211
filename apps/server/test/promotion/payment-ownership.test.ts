import { expireUnpaidClaim, settleGasPayment } from '@puffy/api';
import type { TPromotionClaim } from '@puffy/contracts';
import { testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createMember,
  GAS_FEE,
  type Member,
  type PromotionWorld,
  pay,
  refusalOf,
  START,
  startPromotionWorld,
} from '../support/promotion-harness';

/**
 * Who a gas payment belongs to: the claim its memo and reference name, whoever reports its hash. A
 * member who reports someone else's payment holds nothing, and every payment that reached the treasury
 * and paid nothing is on the books with why (docs/product/payments.md).
 */
describe.each(testDatabases())('gas payment ownership on $label', (factory) => {
  let world: PromotionWorld;
  beforeAll(async () => {
    world = await startPromotionWorld(factory);
  });
  afterAll(() => world.close());

  async function claimFor(): Promise<{ member: Member; claim: TPromotionClaim }> {
    world.clock.set(START);
    const member = await createMember(world);
    const claim = await callerFor(world.deps, member).promotion.complete({
      campaignId: world.campaignId,
      promotionId: world.promotionId,
    });
    return { member, claim };
  }

  const mintGas = (member: Member, claim: TPromotionClaim, transactionHash: string) =>
    callerFor(world.deps, member).promotion.mintGas({ nftId: claim.nftId, transactionHash });

  const progressOf = async (member: Member) =>
    (await callerFor(world.deps, member).promotion.alreadyPaid({ promotionId: world.promotionId })).nft;

  async function paymentOf(hash: string) {
    const p = world.deps.db.t.payments;
    const [row] = await world.deps.db.db.select().from(p).where(eq(p.transactionHash, hash));
    return row;
  }

  async function problems() {
    const admin = await createMember(world);
    const page = await callerFor(world.deps, admin, {
      role: 'admin',
      scopes: ['orders'],
    }).admin.treasury.problems({ purpose: 'nft_gas', limit: 100 });
    return page.items;
  }

  const afterWindow = () =>
    world.clock.set(new Date(START.getTime() + (world.config.promotion.paymentWindowSeconds + 1) * 1000));

  it("refuses a squatter who reports another member's payment at processed, and pays its owner when it confirms", async () => {
    const owner = await claimFor();
    const squatter = await claimFor();
    // Paid by QR code: the owner never reports the hash; the squatter sees it at `processed`.
    const hash = pay(world, owner.member, owner.claim);
    world.chain.setStatus(hash, 'processed');
    expect(await mintGas(squatter.member, squatter.claim, hash)).toMatchObject({
      status: 'new',
      paymentPending: true,
    });
    // The report holds nothing: no payment row carries the hash.
    expect(await paymentOf(hash)).toBeUndefined();

    world.chain.setStatus(hash, 'confirmed');
    expect(await settleGasPayment(world.deps, squatter.claim.nftId)).toBe('done');
    expect(await progressOf(owner.member)).toMatchObject({ status: 'paid', transactionHash: hash });
    expect(await paymentOf(hash)).toMatchObject({ nftId: owner.claim.nftId, status: 'accepted' });
    expect(await progressOf(squatter.member)).toMatchObject({
      status: 'new',
      paymentPending: false,
      transactionHash: null,
    });
    // The owner reporting it now is a harmless repeat, and the squatter is refused outright.
    expect(await mintGas(owner.member, owner.claim, hash)).toMatchObject({ status: 'paid' });
    expect(await refusalOf(mintGas(squatter.member, squatter.claim, hash))).toMatchObject({
      code: 'CONFLICT',
      reason: 'payment_reused',
    });
  });

  it("pays the owner by reference at the window's end even while a squatter's report is pending", async () => {
    const owner = await claimFor();
    const squatter = await claimFor();
    const hash = pay(world, owner.member, owner.claim);
    world.chain.setStatus(hash, 'processed');
    await mintGas(squatter.member, squatter.claim, hash);
    world.chain.setStatus(hash, 'confirmed');
    afterWindow();
    expect(await expireUnpaidClaim(world.deps, owner.claim.nftId)).toBe('done');
    expect(await progressOf(owner.member)).toMatchObject({ status: 'paid', transactionHash: hash });
    expect(await settleGasPayment(world.deps, squatter.claim.nftId)).toBe('done');
    expect(await progressOf(squatter.member)).toMatchObject({ status: 'new', paymentPending: false });
  });

  it('settles a confirmed payment reported by a squatter to its owner, and refuses the squatter', async () => {
    const owner = await claimFor();
    const squatter = await claimFor();
    const hash = pay(world, owner.member, owner.claim);
    expect(await refusalOf(mintGas(squatter.member, squatter.claim, hash))).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'wrong_payer',
    });
    expect(await progressOf(owner.member)).toMatchObject({ status: 'paid', transactionHash: hash });
    expect(await progressOf(squatter.member)).toMatchObject({ status: 'new', paymentPending: false });
  });

  it('pays only the owner when the owner and squatters report the same payment at the same moment', async () => {
    const owner = await claimFor();
    const squatters = [await claimFor(), await claimFor()];
    const hash = pay(world, owner.member, owner.claim);
    const reports = await Promise.allSettled([
      mintGas(owner.member, owner.claim, hash),
      ...squatters.map((s) => mintGas(s.member, s.claim, hash)),
      mintGas(owner.member, owner.claim, hash),
    ]);
    expect(reports[0]).toMatchObject({ status: 'fulfilled', value: { status: 'paid' } });
    expect(reports[3]).toMatchObject({ status: 'fulfilled', value: { status: 'paid' } });
    for (const report of reports.slice(1, 3)) expect(report.status).toBe('rejected');
    expect(await paymentOf(hash)).toMatchObject({ nftId: owner.claim.nftId, status: 'accepted' });
    for (const s of squatters)
      expect(await progressOf(s.member)).toMatchObject({ status: 'new', transactionHash: null });
  });

  it('records an underpayment found by reference for refund, and lists it with why', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim, { lamports: GAS_FEE - 1n });
    afterWindow();
    expect(await expireUnpaidClaim(world.deps, claim.nftId)).toBe('done');
    expect(await progressOf(member)).toMatchObject({ status: 'payment_expired' });
    expect(await paymentOf(hash)).toMatchObject({
      nftId: claim.nftId,
      status: 'rejected',
      amount: GAS_FEE - 1n,
      expectedAmount: GAS_FEE,
    });
    const row = (await problems()).find((p) => p.transactionHash === hash);
    expect(row).toMatchObject({
      problems: ['orphaned', 'underpaid'],
      refundAmount: (GAS_FEE - 1n).toString(),
      reason: expect.stringMatching(/0\.01 SOL/),
    });
  });

  it('records a payment whose memo names no claim, and lists it as paying for nothing', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim, { memo: '{"nft_id":999999,"user_id":"nobody"}' });
    await refusalOf(mintGas(member, claim, hash));
    expect(await paymentOf(hash)).toMatchObject({ nftId: null, status: 'rejected', amount: GAS_FEE });
    const row = (await problems()).find((p) => p.transactionHash === hash);
    expect(row).toMatchObject({
      problems: ['unmatched'],
      refundAmount: GAS_FEE.toString(),
      reason: expect.stringMatching(/names no claim/),
    });
  });

  it('records a late payment and a second payment of a paid claim, each with why', async () => {
    const late = await claimFor();
    afterWindow();
    const lateHash = pay(world, late.member, late.claim);
    expect(await expireUnpaidClaim(world.deps, late.claim.nftId)).toBe('done');
    expect(await refusalOf(mintGas(late.member, late.claim, lateHash))).toMatchObject({
      reason: 'claim_expired',
    });
    expect(await paymentOf(lateHash)).toMatchObject({
      nftId: late.claim.nftId,
      status: 'rejected',
      reason: expect.stringMatching(/after the payment window closed/),
    });

    const twice = await claimFor();
    const first = pay(world, twice.member, twice.claim);
    await mintGas(twice.member, twice.claim, first);
    const second = pay(world, twice.member, twice.claim);
    expect(await refusalOf(mintGas(twice.member, twice.claim, second))).toMatchObject({
      reason: 'claim_already_paid',
    });
    expect(await paymentOf(second)).toMatchObject({
      nftId: twice.claim.nftId,
      status: 'rejected',
      amount: GAS_FEE,
      reason: expect.stringMatching(/already paid/),
    });
    const listed = await problems();
    expect(listed.find((p) => p.transactionHash === lateHash)?.problems).toEqual(['orphaned']);
    expect(listed.find((p) => p.transactionHash === second)?.refundAmount).toBe(GAS_FEE.toString());
  });
});
