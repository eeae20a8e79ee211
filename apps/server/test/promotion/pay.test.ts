import { mintNft, settleGasPayment } from '@puffy/api';
import type { TPromotionClaim } from '@puffy/contracts';
import { testDatabases } from '@puffy/db/testing';
import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPayment,
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

describe.each(testDatabases())('promotion.mintGas on $label', (factory) => {
  let world: PromotionWorld;
  beforeAll(async () => {
    world = await startPromotionWorld(factory);
  });
  afterAll(() => world.close());

  async function claimFor(member?: Member): Promise<{ member: Member; claim: TPromotionClaim }> {
    world.clock.set(START);
    const who = member ?? (await createMember(world));
    const claim = await callerFor(world.deps, who).promotion.complete({
      campaignId: world.campaignId,
      promotionId: world.promotionId,
    });
    return { member: who, claim };
  }

  const mintGas = (member: Member, claim: TPromotionClaim, transactionHash: string) =>
    callerFor(world.deps, member).promotion.mintGas({ nftId: claim.nftId, transactionHash });

  async function nftRow(nftId: number) {
    const n = world.deps.db.t.userNfts;
    const [row] = await world.deps.db.db.select().from(n).where(eq(n.id, nftId));
    return row;
  }

  async function paymentsOf(nftId: number) {
    const p = world.deps.db.t.payments;
    return world.deps.db.db.select().from(p).where(eq(p.nftId, nftId));
  }

  /**
   * A refused payment pays nothing: the claim stays new, and money of it that reached the treasury is
   * on the books only as `rejected`, for its refund.
   */
  async function expectRefused(member: Member, claim: TPromotionClaim, hash: string, reason: string) {
    const refusal = await refusalOf(mintGas(member, claim, hash));
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST', reason });
    expect((await nftRow(claim.nftId))?.status).toBe('new');
    for (const row of await paymentsOf(claim.nftId)) expect(row.status).toBe('rejected');
    return refusal;
  }

  it('walks the happy path: paid at confirmed, confirmed at finalized, then minted into the wallet', async () => {
    const { member, claim } = await claimFor();
    const before = world.chain.balance(claim.treasuryAddress);
    const hash = pay(world, member, claim);
    expect(world.chain.balance(claim.treasuryAddress) - before).toBe(GAS_FEE);
    const paid = await mintGas(member, claim, hash);
    expect(paid).toMatchObject({
      status: 'paid',
      transactionHash: hash,
      paymentPending: false,
      surplus: '0',
    });
    expect(await mintGas(member, claim, hash)).toMatchObject({ status: 'paid' });

    expect(await settleGasPayment(world.deps, claim.nftId)).toBe('waiting');
    world.chain.setStatus(hash, 'finalized');
    expect(await settleGasPayment(world.deps, claim.nftId)).toBe('done');
    expect((await nftRow(claim.nftId))?.status).toBe('payment_confirmed');
    expect((await paymentsOf(claim.nftId))[0]).toMatchObject({ status: 'finalized', amount: GAS_FEE });

    expect(await mintNft(world.deps, { nftId: claim.nftId }, { attempt: 1 })).toBe('minted');
    const minted = await nftRow(claim.nftId);
    expect(minted).toMatchObject({ status: 'minted', failureReason: null });
    expect(minted?.assetAddress).toBeTruthy();
    expect(minted?.mintSignature).toBeTruthy();
    const progress = await callerFor(world.deps, member).promotion.alreadyPaid({
      promotionId: world.promotionId,
    });
    expect(progress).toMatchObject({
      paid: true,
      nft: { status: 'minted', explorerUrl: `https://explorer.solana.com/address/${minted?.assetAddress}` },
    });
    expect(await mintNft(world.deps, { nftId: claim.nftId }, { attempt: 2 })).toBe('skipped');
  });

  it('refuses a transfer to another address than the treasury', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim, { recipient: Keypair.generate().publicKey.toBase58() });
    await expectRefused(member, claim, hash, 'wrong_recipient');
  });

  it('refuses an amount below the fee', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim, { lamports: GAS_FEE - 1n });
    const refusal = await expectRefused(member, claim, hash, 'amount_too_small');
    expect(refusal.message).toContain('0.01 SOL');
  });

  it('refuses a payment signed and paid by another wallet than the member', async () => {
    const { member, claim } = await claimFor();
    const stranger = Keypair.generate();
    world.chain.airdrop(stranger.publicKey.toBase58(), 1_000_000_000n);
    const hash = pay(world, member, claim, { payer: stranger });
    await expectRefused(member, claim, hash, 'wrong_payer');
  });

  it('refuses a memo naming another NFT or another member', async () => {
    const { member, claim } = await claimFor();
    const otherNft = pay(world, member, claim, {
      memo: `{"nft_id":${claim.nftId + 1000},"user_id":"${member.userId}"}`,
    });
    await expectRefused(member, claim, otherNft, 'memo_mismatch');
    const otherUser = pay(world, member, claim, {
      memo: `{"nft_id":${claim.nftId},"user_id":"someone-else"}`,
    });
    await expectRefused(member, claim, otherUser, 'memo_mismatch');
  });

  it('refuses a payment without a memo', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim, { memo: null });
    await expectRefused(member, claim, hash, 'memo_missing');
  });

  it('refuses a transaction that failed on the chain', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim, { lamports: 50_000_000_000n, skipPreflight: true });
    await expectRefused(member, claim, hash, 'failed');
  });

  it('refuses a payment made before the claim existed', async () => {
    const { member, claim } = await claimFor();
    world.clock.set(new Date(START.getTime() - 60_000));
    const hash = pay(world, member, claim);
    world.clock.set(START);
    await expectRefused(member, claim, hash, 'outside_window');
  });

  it('records a hash the RPC does not show yet as pending, and the job accepts it once visible', async () => {
    const { member, claim } = await claimFor();
    const transaction = buildPayment(world, member, claim);
    const hash = bs58.encode(transaction.signature as Buffer);
    const pending = await mintGas(member, claim, hash);
    expect(pending).toMatchObject({ status: 'new', paymentPending: true, transactionHash: hash });
    expect(await settleGasPayment(world.deps, claim.nftId)).toBe('waiting');
    world.chain.send(transaction);
    expect(await settleGasPayment(world.deps, claim.nftId)).toBe('done');
    expect((await nftRow(claim.nftId))?.status).toBe('paid');
    expect((await paymentsOf(claim.nftId))[0]).toMatchObject({ status: 'accepted', amount: GAS_FEE });
  });

  it('rejects a pending hash that never appears, leaving the claim open for another payment', async () => {
    const { member, claim } = await claimFor();
    const hash = bs58.encode(buildPayment(world, member, claim).signature as Buffer);
    await mintGas(member, claim, hash);
    world.clock.set(
      new Date(START.getTime() + (world.config.promotion.confirmationWindowSeconds + 1) * 1000),
    );
    expect(await settleGasPayment(world.deps, claim.nftId)).toBe('done');
    // Nothing reached the treasury, so nothing is on the books; the report is closed, refused.
    expect(await paymentsOf(claim.nftId)).toEqual([]);
    const r = world.deps.db.t.paymentReports;
    expect(
      await world.deps.db.db
        .select({ status: r.status, reason: r.reason })
        .from(r)
        .where(eq(r.nftId, claim.nftId)),
    ).toEqual([{ status: 'refused', reason: 'The reported transaction never appeared on the chain.' }]);
    expect(
      (await callerFor(world.deps, member).promotion.alreadyPaid({ promotionId: world.promotionId })).nft,
    ).toMatchObject({ paymentPending: false });
    world.clock.set(START);
    const real = pay(world, member, claim);
    expect(await mintGas(member, claim, real)).toMatchObject({ status: 'paid', transactionHash: real });
  });

  it('refuses a hash already used for another NFT, before asking the chain', async () => {
    const first = await claimFor();
    const second = await claimFor();
    const hash = pay(world, first.member, first.claim);
    await mintGas(first.member, first.claim, hash);
    world.chain.setAvailability('down');
    try {
      const refusal = await refusalOf(mintGas(second.member, second.claim, hash));
      expect(refusal).toMatchObject({ code: 'CONFLICT', reason: 'payment_reused' });
    } finally {
      world.chain.setAvailability('up');
    }
    expect((await nftRow(second.claim.nftId))?.status).toBe('new');
  });

  it('accepts one hash raced from two server instances once', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim);
    const other = await world.instance();
    try {
      const results = await Promise.allSettled([
        callerFor(world.deps, member).promotion.mintGas({ nftId: claim.nftId, transactionHash: hash }),
        callerFor(other.deps, member).promotion.mintGas({ nftId: claim.nftId, transactionHash: hash }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
      for (const r of results) if (r.status === 'fulfilled') expect(r.value.status).toBe('paid');
    } finally {
      await other.close();
    }
    const p = world.deps.db.t.payments;
    expect(await world.deps.db.db.select().from(p).where(eq(p.transactionHash, hash))).toHaveLength(1);
  });

  it('records what was paid above the fee as surplus for the reconciliation', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim, { lamports: GAS_FEE * 3n });
    expect(await mintGas(member, claim, hash)).toMatchObject({
      status: 'paid',
      surplus: (GAS_FEE * 2n).toString(),
    });
    expect((await paymentsOf(claim.nftId))[0]).toMatchObject({ amount: GAS_FEE * 3n, surplus: GAS_FEE * 2n });
  });

  it('answers "try again" while the RPC is down and changes nothing, then accepts once it is back', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim);
    world.chain.setAvailability('down');
    try {
      const refusal = await refusalOf(mintGas(member, claim, hash));
      expect(refusal).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'upstream_unavailable' });
      expect(await paymentsOf(claim.nftId)).toEqual([]);
    } finally {
      world.chain.setAvailability('up');
    }
    expect(await mintGas(member, claim, hash)).toMatchObject({ status: 'paid' });
  });

  it('answers "try again" when the RPC hangs past the timeout', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim);
    world.chain.setAvailability('hang');
    try {
      const refusal = await refusalOf(mintGas(member, claim, hash));
      expect(refusal).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(await paymentsOf(claim.nftId)).toEqual([]);
    } finally {
      world.chain.setAvailability('up');
    }
  });

  it("does not show another member's claim", async () => {
    const { claim } = await claimFor();
    const stranger = await createMember(world);
    const hash = pay(world, stranger, claim);
    const refusal = await refusalOf(mintGas(stranger, claim, hash));
    expect(refusal).toMatchObject({ code: 'NOT_FOUND', reason: 'nft_not_found' });
  });
});
