import {
  appRouter,
  assetSeedOf,
  expireUnpaidClaim,
  listProcedures,
  mintNft,
  settleGasPayment,
} from '@puffy/api';
import {
  createCoreMinter,
  createSolanaRpc,
  decodeCoreAsset,
  findCoreCreate,
  loadPaymentTransaction,
} from '@puffy/chains';
import type { TPromotionClaim } from '@puffy/contracts';
import { testDatabases } from '@puffy/db/testing';
import { Keypair } from '@solana/web3.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createMember,
  type Member,
  type PromotionWorld,
  pay,
  refusalOf,
  START,
  startPromotionWorld,
} from '../support/promotion-harness';

const WINDOW_MS = 30 * 60_000;

describe.each(testDatabases())('promotion jobs on $label', (factory) => {
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

  async function nftRow(nftId: number) {
    const n = world.deps.db.t.userNfts;
    const [row] = await world.deps.db.db.select().from(n).where(eq(n.id, nftId));
    if (!row) throw new Error('nft missing');
    return row;
  }

  async function paidAndConfirmed(): Promise<{ member: Member; claim: TPromotionClaim; hash: string }> {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim);
    await callerFor(world.deps, member).promotion.mintGas({ nftId: claim.nftId, transactionHash: hash });
    world.chain.setStatus(hash, 'finalized');
    expect(await settleGasPayment(world.deps, claim.nftId)).toBe('done');
    return { member, claim, hash };
  }

  it('expires a claim nobody paid at the end of its window, and never reuses its number', async () => {
    const { member, claim } = await claimFor();
    world.clock.set(new Date(START.getTime() + WINDOW_MS - 1000));
    expect(await expireUnpaidClaim(world.deps, claim.nftId)).toBe('waiting');
    world.clock.set(new Date(START.getTime() + WINDOW_MS + 1000));
    expect(await expireUnpaidClaim(world.deps, claim.nftId)).toBe('done');
    const expired = await nftRow(claim.nftId);
    expect(expired.status).toBe('payment_expired');
    expect(expired.failureReason).toMatch(/No payment arrived before/);
    const hash = pay(world, member, claim);
    const refusal = await refusalOf(
      callerFor(world.deps, member).promotion.mintGas({ nftId: claim.nftId, transactionHash: hash }),
    );
    expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'claim_expired' });
    const next = await claimFor();
    expect(next.claim.sequence).toBeGreaterThan(claim.sequence);
  });

  it('finds a payment whose hash was never reported through the claim reference', async () => {
    const { member, claim } = await claimFor();
    world.clock.set(new Date(START.getTime() + 5 * 60_000));
    const hash = pay(world, member, claim);
    world.clock.set(new Date(START.getTime() + WINDOW_MS + 1000));
    expect(await expireUnpaidClaim(world.deps, claim.nftId)).toBe('done');
    expect((await nftRow(claim.nftId)).status).toBe('paid');
    const p = world.deps.db.t.payments;
    const [payment] = await world.deps.db.db.select().from(p).where(eq(p.transactionHash, hash));
    expect(payment).toMatchObject({ nftId: claim.nftId, status: 'accepted', purpose: 'nft_gas' });
    expect(world.chain.calls).toContain('getSignaturesForAddress');
  });

  it('does not count a reference payment that fails a check (memo of another claim)', async () => {
    const { member, claim } = await claimFor();
    pay(world, member, claim, { memo: `{"nft_id":${claim.nftId + 7},"user_id":"${member.userId}"}` });
    world.clock.set(new Date(START.getTime() + WINDOW_MS + 1000));
    expect(await expireUnpaidClaim(world.deps, claim.nftId)).toBe('done');
    expect((await nftRow(claim.nftId)).status).toBe('payment_expired');
  });

  it('expires a paid claim whose payment was dropped before it finalized, saying why', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim);
    await callerFor(world.deps, member).promotion.mintGas({ nftId: claim.nftId, transactionHash: hash });
    world.chain.drop(hash);
    expect(await settleGasPayment(world.deps, claim.nftId)).toBe('waiting');
    world.clock.set(
      new Date(START.getTime() + (world.config.promotion.confirmationWindowSeconds + 1) * 1000),
    );
    expect(await settleGasPayment(world.deps, claim.nftId)).toBe('done');
    const expired = await nftRow(claim.nftId);
    expect(expired.status).toBe('payment_expired');
    expect(expired.failureReason).toMatch(/dropped/);
  });

  it('lets a confirmation job that meets a down RPC fail (to be retried) without losing anything', async () => {
    const { member, claim } = await claimFor();
    const hash = pay(world, member, claim);
    await callerFor(world.deps, member).promotion.mintGas({ nftId: claim.nftId, transactionHash: hash });
    world.chain.setStatus(hash, 'finalized');
    world.chain.setAvailability('down');
    try {
      await expect(settleGasPayment(world.deps, claim.nftId)).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
      });
      expect((await nftRow(claim.nftId)).status).toBe('paid');
    } finally {
      world.chain.setAvailability('up');
    }
    expect(await settleGasPayment(world.deps, claim.nftId)).toBe('done');
    expect((await nftRow(claim.nftId)).status).toBe('payment_confirmed');
  });

  it('mints a Core asset owned by the member, named with its number, carrying the royalty', async () => {
    const { member, claim } = await paidAndConfirmed();
    expect(await mintNft(world.deps, { nftId: claim.nftId }, { attempt: 1 })).toBe('minted');
    const nft = await nftRow(claim.nftId);
    const rpc = createSolanaRpc({ url: world.chain.url, retries: 0 });
    const tx = await loadPaymentTransaction(rpc, nft.mintSignature as string);
    const create = tx ? findCoreCreate(tx, nft.assetAddress as string) : null;
    expect(create).toMatchObject({
      owner: member.wallet.publicKey.toBase58(),
      name: `Genesis Pass #${claim.sequence}`,
      uri: `${world.config.publicOrigin}/nft/${claim.nftId}/metadata.json`,
      royaltyBps: 550,
      payer: world.authority.publicKey.toBase58(),
    });
    const info = (await fetch(world.chain.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'getAccountInfo',
        params: [nft.assetAddress, { encoding: 'base64' }],
      }),
    }).then((r) => r.json())) as {
      result: { value: { data: [string, string]; owner: string; lamports: number } };
    };
    const asset = decodeCoreAsset(
      nft.assetAddress as string,
      Buffer.from(info.result.value.data[0], 'base64'),
    );
    expect(info.result.value.owner).toBe('CoREENxT6tW1HoK8ypY1SxRMZTcVPm7R94rH4PZNhX7d');
    expect(asset?.owner).toBe(member.wallet.publicKey.toBase58());
    expect(asset?.name).toBe(`Genesis Pass #${claim.sequence}`);
  });

  it('never mints twice: a crash between sending and saving finds the asset already made', async () => {
    const { claim } = await paidAndConfirmed();
    const nft = await nftRow(claim.nftId);
    const sent = await world.deps.promotion.minter.mint({
      network: 'sol',
      assetSeed: assetSeedOf(nft),
      owner: (
        await world.deps.db.db
          .select({ a: world.deps.db.t.users.walletAddress })
          .from(world.deps.db.t.users)
          .where(eq(world.deps.db.t.users.id, nft.userId))
      )[0]?.a as string,
      collection: null,
      name: 'x',
      uri: 'https://example.com/x.json',
      royaltyBps: 550,
    });
    const sendsBefore = world.chain.calls.filter((c) => c === 'sendTransaction').length;
    expect(await mintNft(world.deps, { nftId: claim.nftId }, { attempt: 2 })).toBe('minted');
    expect(world.chain.calls.filter((c) => c === 'sendTransaction').length).toBe(sendsBefore);
    expect(await nftRow(claim.nftId)).toMatchObject({
      assetAddress: sent.assetAddress,
      mintSignature: sent.signature,
    });
  });

  it('ends a failing mint in mint_failed with the reason after the last attempt; an admin retry mints it', async () => {
    const { claim } = await paidAndConfirmed();
    const broke = Keypair.generate();
    const rpc = createSolanaRpc({ url: world.chain.url, retries: 0 });
    const failing = {
      ...world.deps,
      promotion: {
        ...world.deps.promotion,
        minter: createCoreMinter({ authority: broke, rpcs: { sol: rpc } }),
      },
    };
    await expect(mintNft(failing, { nftId: claim.nftId }, { attempt: 1 })).rejects.toThrow();
    expect((await nftRow(claim.nftId)).status).toBe('payment_confirmed');
    expect(await mintNft(failing, { nftId: claim.nftId }, { attempt: 6 })).toBe('failed');
    const failed = await nftRow(claim.nftId);
    expect(failed.status).toBe('mint_failed');
    expect(failed.failureReason).toMatch(/The mint failed/);
    expect(await mintNft(world.deps, { nftId: claim.nftId }, { attempt: 1 })).toBe('skipped');

    const admin = await createMember(world);
    const campaignsOnly = callerFor(world.deps, admin, { role: 'admin', scopes: ['campaigns'] });
    expect(await refusalOf(campaignsOnly.admin.orders.retryMint({ nftId: claim.nftId }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'missing_scope',
    });
    const adminCaller = callerFor(world.deps, admin, { role: 'admin', scopes: ['orders'] });
    await expect(adminCaller.admin.orders.retryMint({ nftId: claim.nftId })).resolves.toMatchObject({
      status: 'mint_failed',
      queued: true,
    });
    const a = world.deps.db.t.auditLog;
    const audit = await world.deps.db.db
      .select({ action: a.action, actor: a.actorUserId })
      .from(a)
      .where(eq(a.targetId, String(claim.nftId)));
    expect(audit).toEqual([{ action: 'nft.mint_retried', actor: admin.userId }]);
    expect(await mintNft(world.deps, { nftId: claim.nftId, retry: true }, { attempt: 1 })).toBe('minted');
    expect((await nftRow(claim.nftId)).status).toBe('minted');
    const again = await refusalOf(adminCaller.admin.orders.retryMint({ nftId: claim.nftId }));
    expect(again).toMatchObject({ code: 'CONFLICT', reason: 'not_mint_failed' });
  });

  it('has one mint retry procedure, under the orders scope', () => {
    const retries = listProcedures(appRouter).filter((p) => p.path.endsWith('retryMint'));
    expect(retries.map((p) => p.path)).toEqual(['admin.orders.retryMint']);
  });
});
