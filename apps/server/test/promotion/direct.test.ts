import { mintNft, settleGasPayment } from '@puffy/api';
import { buildCoreCreateTransaction, createCoreCollection, createSolanaRpc } from '@puffy/chains';
import { testDatabases } from '@puffy/db/testing';
import { Keypair } from '@solana/web3.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createCampaign,
  createMember,
  type Member,
  type PromotionWorld,
  pay,
  refusalOf,
  startPromotionWorld,
} from '../support/promotion-harness';

describe.each(testDatabases())('NFTs in a Core collection, and the direct path, on $label', (factory) => {
  let world: PromotionWorld;
  let collection: string;
  let ids: { campaignId: number; promotionId: number };
  beforeAll(async () => {
    world = await startPromotionWorld(factory);
    const rpc = createSolanaRpc({ url: world.chain.url, retries: 0 });
    ({ collection } = await createCoreCollection(rpc, world.authority, {
      name: 'Puffy Genesis',
      uri: 'https://example.com/collection.json',
    }));
    const created = await createCampaign(world.deps, 'sol', { collection });
    ids = { campaignId: created.campaignId, promotionId: created.promotionId };
  });
  afterAll(() => world.close());

  /** The member mints into the collection themself (paying), the collection authority co-signing. */
  function mintDirectly(
    member: Member,
    options: { owner?: string; payer?: Keypair; collection?: string } = {},
  ) {
    const payer = options.payer ?? member.wallet;
    const asset = Keypair.generate();
    const transaction = buildCoreCreateTransaction({
      payer: payer.publicKey.toBase58(),
      authority: world.authority,
      asset,
      owner: options.owner ?? member.wallet.publicKey.toBase58(),
      collection: options.collection ?? collection,
      name: 'Puffy Genesis Pass',
      uri: 'https://example.com/pass.json',
      royaltyBps: 550,
      blockhash: world.chain.latestBlockhash(),
    });
    transaction.sign(payer, world.authority, asset);
    return { hash: world.chain.send(transaction), asset: asset.publicKey.toBase58() };
  }

  it('mints a paid claim into the promotion collection', async () => {
    const member = await createMember(world, { eligibleFor: ids.campaignId });
    const claim = await callerFor(world.deps, member).promotion.complete(ids);
    const hash = pay(world, member, claim);
    await callerFor(world.deps, member).promotion.mintGas({ nftId: claim.nftId, transactionHash: hash });
    world.chain.setStatus(hash, 'finalized');
    await settleGasPayment(world.deps, claim.nftId);
    expect(await mintNft(world.deps, { nftId: claim.nftId }, { attempt: 1 })).toBe('minted');
  });

  it('records a Core mint the member made directly, once', async () => {
    const member = await createMember(world, { eligibleFor: ids.campaignId });
    const { hash, asset } = mintDirectly(member);
    const recorded = await callerFor(world.deps, member).promotion.recordMint({ transactionHash: hash });
    expect(recorded).toMatchObject({
      status: 'minted',
      assetAddress: asset,
      mintSignature: hash,
      promotionId: ids.promotionId,
    });
    const n = world.deps.db.t.userNfts;
    const [row] = await world.deps.db.db.select().from(n).where(eq(n.id, recorded.nftId));
    expect(row).toMatchObject({ mintPath: 'direct', userId: member.userId });
    const again = await refusalOf(
      callerFor(world.deps, member).promotion.recordMint({ transactionHash: hash }),
    );
    expect(again.code).toBe('CONFLICT');
    const second = mintDirectly(member);
    const twice = await refusalOf(
      callerFor(world.deps, member).promotion.recordMint({ transactionHash: second.hash }),
    );
    expect(twice).toMatchObject({ code: 'CONFLICT', reason: 'already_holds' });
    const claim = await refusalOf(callerFor(world.deps, member).promotion.complete(ids));
    expect(claim).toMatchObject({ code: 'CONFLICT', reason: 'already_holds' });
  });

  it('refuses a direct mint paid by another wallet, owned by another wallet, or outside any promotion', async () => {
    const member = await createMember(world, { eligibleFor: ids.campaignId });
    const caller = callerFor(world.deps, member);
    const stranger = Keypair.generate();
    world.chain.airdrop(stranger.publicKey.toBase58(), 1_000_000_000n);
    const byStranger = mintDirectly(member, { payer: stranger });
    expect(await refusalOf(caller.promotion.recordMint({ transactionHash: byStranger.hash }))).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'wrong_payer',
    });
    const forStranger = mintDirectly(member, { owner: stranger.publicKey.toBase58() });
    expect(await refusalOf(caller.promotion.recordMint({ transactionHash: forStranger.hash }))).toMatchObject(
      {
        code: 'BAD_REQUEST',
        reason: 'wrong_owner',
      },
    );
    const rpc = createSolanaRpc({ url: world.chain.url, retries: 0 });
    const other = await createCoreCollection(rpc, world.authority, {
      name: 'Other',
      uri: 'https://example.com/o.json',
    });
    const elsewhere = mintDirectly(member, { collection: other.collection });
    expect(await refusalOf(caller.promotion.recordMint({ transactionHash: elsewhere.hash }))).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'unknown_collection',
    });
    const transfer = pay(world, member, {
      memo: 'x',
      reference: Keypair.generate().publicKey.toBase58(),
      treasuryAddress: world.treasury.publicKey.toBase58(),
      gasFee: '1000',
    } as Parameters<typeof pay>[2]);
    expect(await refusalOf(caller.promotion.recordMint({ transactionHash: transfer }))).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'not_a_core_mint',
    });
  });
});
