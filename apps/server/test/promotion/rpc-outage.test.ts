import { allJobs, type Deps } from '@puffy/api';
import { createSolanaRpc } from '@puffy/chains';
import { testDatabases } from '@puffy/db/testing';
import type { JobHandler, JobWorker } from '@puffy/jobs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createMember,
  type PromotionWorld,
  pay,
  START,
  startPromotionWorld,
} from '../support/promotion-harness';

interface Enqueued {
  name: string;
  payload: unknown;
  startAfter: Date | undefined;
}

/**
 * A short RPC outage and the payment jobs, on the production RPC client (default retries and breaker)
 * driven by the test's clock: the jobs' own scheduling is what is asserted, never wall time.
 */
describe.each(testDatabases())('payment jobs through a short RPC outage on $label', (factory) => {
  let world: PromotionWorld;
  beforeAll(async () => {
    world = await startPromotionWorld(factory);
  });
  afterAll(() => world.close());

  /** Deps whose RPC is the production client and whose queue records what the jobs schedule. */
  function recordingWorld() {
    const sol = world.deps.promotion.networks.sol;
    if (!sol) throw new Error('no sol network');
    const rpc = createSolanaRpc({
      url: world.chain.url,
      now: () => world.clock.now().getTime(),
      sleep: async () => {},
    });
    const enqueued: Enqueued[] = [];
    const deps: Deps = {
      ...world.deps,
      promotion: { ...world.deps.promotion, networks: { sol: { ...sol, rpc } } },
      jobs: {
        ...world.deps.jobs,
        queue: {
          ...world.deps.jobs.queue,
          enqueue: async (job, payload, options) => {
            enqueued.push({ name: job.name, payload, startAfter: options?.startAfter });
            return null;
          },
        },
      },
    };
    const handlers = new Map<string, JobHandler<{ nftId: number }>>();
    const worker = {
      register: (job: { name: string }, handler: JobHandler<{ nftId: number }>) => {
        handlers.set(job.name, handler);
      },
      start: async () => {},
      stop: async () => {},
    } as unknown as JobWorker;
    for (const job of allJobs) job.register(worker, deps);
    return { enqueued, handlers };
  }

  it('confirms a gas payment within seconds of a 4 s outage, on the job schedule, without failing the job', async () => {
    world.clock.set(START);
    const member = await createMember(world);
    const claim = await callerFor(world.deps, member).promotion.complete({
      campaignId: world.campaignId,
      promotionId: world.promotionId,
    });
    const hash = pay(world, member, claim);
    await callerFor(world.deps, member).promotion.mintGas({ nftId: claim.nftId, transactionHash: hash });
    world.chain.setStatus(hash, 'finalized');

    const { enqueued, handlers } = recordingWorld();
    const confirm = handlers.get('promotion.payment-confirm');
    if (!confirm) throw new Error('no confirmation handler');
    const ctx = { jobId: 'job', attempt: 1, signal: new AbortController().signal };
    const outageStart = world.clock.now().getTime();
    world.chain.setAvailability('down');
    // The outage opens the breaker; the job schedules its next look instead of failing into backoff.
    await expect(confirm({ nftId: claim.nftId }, ctx)).resolves.toBeUndefined();
    world.clock.advance(4_000);
    world.chain.setAvailability('up');

    const n = world.deps.db.t.userNfts;
    const status = async () =>
      (await world.deps.db.db.select({ status: n.status }).from(n).where(eq(n.id, claim.nftId)))[0]?.status;
    for (let run = 0; run < 5 && (await status()) !== 'payment_confirmed'; run += 1) {
      const next = enqueued.filter((e) => e.name === 'promotion.payment-confirm').at(-1);
      if (!next?.startAfter) throw new Error('the job scheduled no next look');
      if (next.startAfter.getTime() > world.clock.now().getTime()) world.clock.set(next.startAfter);
      await expect(confirm({ nftId: claim.nftId }, ctx)).resolves.toBeUndefined();
    }
    expect(await status()).toBe('payment_confirmed');
    // Confirmed within the outage plus a cool-down or two, not after minutes of queue backoff.
    expect(world.clock.now().getTime() - outageStart).toBeLessThanOrEqual(10_000);
  });
});
