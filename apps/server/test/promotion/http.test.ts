import type { AppRouter } from '@puffy/api';
import { createLocalSolanaChain, type LocalSolanaChain } from '@puffy/chains/local-chain';
import type { TNftProgress } from '@puffy/contracts';
import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';
import nacl from 'tweetnacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor, failure } from '../support/helpers';
import { createCampaign, GAS_FEE, type PromotionWorld, pay } from '../support/promotion-harness';
import { signInSolana } from '../support/signin';

/** A browser wallet's stand-in: signs sign-in messages and payments with one real keypair. */
function keypairWallet(keypair: Keypair) {
  return {
    chain: 'sol' as const,
    address: keypair.publicKey.toBase58(),
    signMessage: (message: string) =>
      bs58.encode(nacl.sign.detached(new TextEncoder().encode(message), keypair.secretKey)),
  };
}

/**
 * The whole flow over HTTP against a real server whose worker runs the jobs on the system clock: sign in,
 * claim, pay on the local chain, report the hash, and watch it reach `minted`; then the public views.
 */
describe('promotional NFT over HTTP', () => {
  let chain: LocalSolanaChain;
  let server: TestServer;
  let ids: { campaignId: number; promotionId: number };
  const authority = Keypair.generate();
  const treasury = Keypair.generate();

  beforeAll(async () => {
    chain = await createLocalSolanaChain({ finalizeAfterMs: 300 });
    chain.airdrop(authority.publicKey.toBase58(), 10_000_000_000n);
    server = await startTestServer({
      env: {
        SOLANA_RPC_URL: chain.url,
        SOLANA_TREASURY_ADDRESS: treasury.publicKey.toBase58(),
        SOLANA_MINT_AUTHORITY_KEY: bs58.encode(authority.secretKey),
        NFT_RECHECK_SECONDS: '1',
        JOBS_POLL_INTERVAL_MS: '100',
        TRUST_PROXY: 'true',
      },
    });
    const { campaignId, promotionId } = await createCampaign(server.deps, 'sol', { around: new Date() });
    ids = { campaignId, promotionId };
  });
  afterAll(async () => {
    await server.close();
    await chain.close();
  });

  it('walks claim → pay → minted, and shows the minted NFT publicly without anything private', async () => {
    const keypair = Keypair.generate();
    chain.airdrop(keypair.publicKey.toBase58(), 1_000_000_000n);
    const { session } = await signInSolana(server.url, keypairWallet(keypair));
    const member = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const { t, db } = server.deps.db;
    await db
      .insert(t.userCampaignEligibles)
      .values({ userId: session.user.id, campaignId: ids.campaignId, method: 'bypass' });

    const claim = await member.promotion.complete.mutate(ids);
    expect(claim.gasFee).toBe(GAS_FEE.toString());
    const world = { chain } as unknown as PromotionWorld;
    const hash = pay(world, { userId: session.user.id, wallet: keypair }, claim);
    await expect(
      member.promotion.mintGas.mutate({ nftId: claim.nftId, transactionHash: hash }),
    ).resolves.toMatchObject({
      status: 'paid',
    });

    let progress: TNftProgress | null = null;
    for (let i = 0; i < 100 && progress?.status !== 'minted'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      progress = (await member.promotion.alreadyPaid.query({ promotionId: ids.promotionId })).nft;
    }
    expect(progress).toMatchObject({ status: 'minted', transactionHash: hash });
    expect(progress?.explorerUrl).toContain(progress?.assetAddress ?? 'missing');

    const anonymous = clientFor<AppRouter>(server.url);
    const view = await anonymous.nft.public.query({ id: claim.nftId });
    expect(view).toMatchObject({
      id: claim.nftId,
      name: `Genesis Pass #${claim.sequence}`,
      status: 'minted',
    });
    const text = JSON.stringify(view);
    for (const secret of [session.user.id, keypair.publicKey.toBase58(), claim.reference, hash]) {
      expect(text).not.toContain(secret);
    }
    expect(view.ownerShort).toBe(
      `${keypair.publicKey.toBase58().slice(0, 4)}…${keypair.publicKey.toBase58().slice(-4)}`,
    );

    const metadata = (await (await fetch(`${server.url}/nft/${claim.nftId}/metadata.json`)).json()) as Record<
      string,
      unknown
    >;
    expect(metadata).toMatchObject({
      name: `Genesis Pass #${claim.sequence}`,
      symbol: 'PUFFY',
      image: 'https://arweave.net/puffy/pass.png',
      seller_fee_basis_points: 550,
      properties: {
        category: 'image',
        files: [{ uri: 'https://arweave.net/puffy/pass.png', type: 'image/png' }],
      },
    });
    expect(JSON.stringify(metadata)).not.toContain(session.user.id);

    const page = await fetch(`${server.url}/nft/${claim.nftId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<meta property="og:title" content="Genesis Pass #${claim.sequence} · `);
    expect(html).toContain('<meta property="og:image" content="https://arweave.net/puffy/pass.png">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).not.toContain(session.user.id);
  });

  it('keeps unpaid claims out of the public views', async () => {
    const keypair = Keypair.generate();
    const { session } = await signInSolana(server.url, keypairWallet(keypair));
    const member = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const { t, db } = server.deps.db;
    await db
      .insert(t.userCampaignEligibles)
      .values({ userId: session.user.id, campaignId: ids.campaignId, method: 'bypass' });
    const claim = await member.promotion.complete.mutate(ids);
    const anonymous = clientFor<AppRouter>(server.url);
    expect((await failure(anonymous.nft.public.query({ id: claim.nftId }))).data?.code).toBe('NOT_FOUND');
    expect((await fetch(`${server.url}/nft/${claim.nftId}/metadata.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/nft/${claim.nftId}`)).status).toBe(404);
    expect((await failure(anonymous.promotion.complete.mutate(ids))).data?.code).toBe('UNAUTHORIZED');
  });
});
