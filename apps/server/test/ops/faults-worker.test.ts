import { type Deps, mintNft, settleGasPayment } from '@puffy/api';
import type { TPromotionClaim } from '@puffy/contracts';
import { testDatabases } from '@puffy/db/testing';
import { defineJob } from '@puffy/jobs';
import { simulateCrash } from '@puffy/jobs/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  callerFor,
  createMember,
  type PromotionWorld,
  pay,
  START,
  startPromotionWorld,
} from '../support/promotion-harness';

/**
 * A worker process killed in the middle of a job, on both dialects: the job's lease runs out, another
 * instance's worker runs it again, and its effect (a confirmed payment, a minted NFT) happens once.
 * The jobs below run the real handlers; only their lease is short (the production ones lease for
 * minutes), so that the test does not wait for minutes.
 */
const never = () => new Promise<never>(() => {});

function gate() {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} within ${timeoutMs} ms`);
}

const ZNft = z.object({ nftId: z.number().int().positive() });

describe.each(testDatabases())('a worker killed mid-job on $label', (factory) => {
  let world: PromotionWorld;
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    world = await startPromotionWorld(factory);
  }, 180_000);
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await world?.close();
  });

  /** Another server process on the same database: its own pool, store and job worker. */
  async function instance(): Promise<Deps> {
    const other = await world.instance();
    closers.push(other.close);
    return other.deps;
  }

  async function nftRow(nftId: number) {
    const n = world.deps.db.t.userNfts;
    const [row] = await world.deps.db.db.select().from(n).where(eq(n.id, nftId));
    if (!row) throw new Error('nft missing');
    return row;
  }

  async function paidClaim(): Promise<TPromotionClaim> {
    world.clock.set(START);
    const member = await createMember(world);
    const claim = await callerFor(world.deps, member).promotion.complete({
      campaignId: world.campaignId,
      promotionId: world.promotionId,
    });
    const hash = pay(world, member, claim);
    await callerFor(world.deps, member).promotion.mintGas({ nftId: claim.nftId, transactionHash: hash });
    world.chain.setStatus(hash, 'finalized');
    return claim;
  }

  it('a payment confirmation killed after its commit runs again and confirms once, queuing one mint', async () => {
    const claim = await paidClaim();
    const job = defineJob({
      name: `ops.confirm-crash.${crypto.randomUUID()}`,
      payload: ZNft,
      expireInSeconds: 1,
      retryDelaySeconds: 0,
      retryBackoff: false,
    });
    const committed = gate();
    const doomed = await instance();
    doomed.jobs.worker.register(job, async ({ nftId }) => {
      await settleGasPayment(doomed, nftId);
      // Killed between the commit and the job's completion: the effect is saved, the job is not done.
      committed.open();
      await never();
    });
    await doomed.jobs.worker.start();
    await doomed.jobs.queue.enqueue(job, { nftId: claim.nftId });
    await committed.promise;
    await simulateCrash(doomed.jobs);
    // The lease (1 s) runs out before the survivor starts, so its first maintenance pass can see it.
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await nftRow(claim.nftId)).status).toBe('payment_confirmed');

    const survivor = await instance();
    const attempts: number[] = [];
    const outcomes: string[] = [];
    survivor.jobs.worker.register(job, async ({ nftId }, ctx) => {
      attempts.push(ctx.attempt);
      outcomes.push(await settleGasPayment(survivor, nftId));
    });
    const mints: number[] = [];
    // The mint job the confirmation queued: counted, not run, so the mint test below owns the mint.
    survivor.jobs.worker.register(
      defineJob({
        name: 'promotion.mint',
        payload: ZNft.extend({ retry: z.boolean().optional() }),
        retryLimit: 5,
        retryDelaySeconds: 10,
        expireInSeconds: 300,
      }),
      async ({ nftId }) => {
        if (nftId === claim.nftId) mints.push(nftId);
      },
    );
    await survivor.jobs.worker.start();
    // On Postgres, pg-boss's maintenance (every 60 s) is what notices the expired lease.
    await until('the survivor did not take the job', async () => attempts.length === 1, 90_000);
    await until('the queued mint was not run', async () => mints.length >= 1, 30_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(attempts).toEqual([2]);
    expect(outcomes).toEqual(['done']);
    expect(mints).toEqual([claim.nftId]);
    const p = world.deps.db.t.payments;
    const payments = await world.deps.db.db.select().from(p).where(eq(p.nftId, claim.nftId));
    expect(payments.map((row) => row.status)).toEqual(['finalized']);
    await survivor.jobs.worker.stop();
  }, 180_000);

  it('a mint killed after sending its transaction runs again and finds the asset: one NFT on chain', async () => {
    const claim = await paidClaim();
    expect(await settleGasPayment(world.deps, claim.nftId)).toBe('done');
    const job = defineJob({
      name: `ops.mint-crash.${crypto.randomUUID()}`,
      payload: ZNft,
      expireInSeconds: 1,
      retryDelaySeconds: 0,
      retryBackoff: false,
    });
    const sent = gate();
    const sends = () => world.chain.calls.filter((c) => c === 'sendTransaction').length;
    const sendsBefore = sends();
    const doomed = await instance();
    const { minter } = doomed.promotion;
    const killedAfterSending: Deps = {
      ...doomed,
      promotion: {
        ...doomed.promotion,
        minter: {
          authority: minter.authority,
          assetAddressFor: (seed) => minter.assetAddressFor(seed),
          findMinted: (request) => minter.findMinted(request),
          mint: async (request) => {
            await minter.mint(request);
            sent.open();
            return never();
          },
        },
      },
    };
    doomed.jobs.worker.register(job, (payload, ctx) =>
      mintNft(killedAfterSending, payload, ctx).then(() => {}),
    );
    await doomed.jobs.worker.start();
    await doomed.jobs.queue.enqueue(job, { nftId: claim.nftId });
    await sent.promise;
    await simulateCrash(doomed.jobs);
    // The lease (1 s) runs out before the survivor starts, so its first maintenance pass can see it.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sends()).toBe(sendsBefore + 1);
    expect((await nftRow(claim.nftId)).status).toBe('payment_confirmed');

    const survivor = await instance();
    const outcomes: string[] = [];
    survivor.jobs.worker.register(job, async (payload, ctx) => {
      outcomes.push(await mintNft(survivor, payload, ctx));
    });
    await survivor.jobs.worker.start();
    await until('the survivor did not finish the mint', async () => outcomes.length === 1, 90_000);
    expect(outcomes).toEqual(['minted']);
    expect(sends()).toBe(sendsBefore + 1);
    const nft = await nftRow(claim.nftId);
    expect(nft.status).toBe('minted');
    expect(nft.assetAddress).toBeTruthy();
  }, 180_000);
});
