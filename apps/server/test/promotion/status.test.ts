import type { TNftProgress } from '@puffy/contracts';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymousCaller,
  callerFor,
  createMember,
  type Member,
  type PromotionWorld,
  pay,
  refusalOf,
  startPromotionWorld,
} from '../support/promotion-harness';

const redisUrl = process.env.TEST_REDIS_URL;

async function next(iterator: AsyncIterator<TNftProgress>, ms = 5_000): Promise<TNftProgress> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('no status event arrived')), ms).unref(),
  );
  const result = await Promise.race([iterator.next(), timeout]);
  if (result.done) throw new Error('the stream ended');
  return result.value;
}

async function openStream(world: PromotionWorld, member: Member) {
  const stream = await callerFor(world.deps, member).promotion.status({});
  return stream[Symbol.asyncIterator]() as AsyncIterator<TNftProgress>;
}

async function claim(world: PromotionWorld, member: Member) {
  return callerFor(world.deps, member).promotion.complete({
    campaignId: world.campaignId,
    promotionId: world.promotionId,
  });
}

describe.each(testDatabases())('promotion.status on $label', (factory) => {
  let world: PromotionWorld;
  beforeAll(async () => {
    world = await startPromotionWorld(factory);
  });
  afterAll(() => world.close());

  it('refuses a caller who is not signed in', async () => {
    const refusal = await refusalOf(
      (async () => {
        const stream = await anonymousCaller(world.deps).promotion.status({});
        await stream[Symbol.asyncIterator]().next();
      })(),
    );
    expect(refusal.code).toBe('UNAUTHORIZED');
  });

  it("streams the caller's NFTs now, then their changes, and never another member's", async () => {
    const member = await createMember(world);
    const other = await createMember(world);
    const own = await claim(world, member);
    const iterator = await openStream(world, member);
    try {
      expect(await next(iterator)).toMatchObject({ nftId: own.nftId, status: 'new', paymentPending: false });
      const foreign = await claim(world, other);
      const foreignHash = pay(world, other, foreign);
      await callerFor(world.deps, other).promotion.mintGas({
        nftId: foreign.nftId,
        transactionHash: foreignHash,
      });
      const hash = pay(world, member, own);
      await callerFor(world.deps, member).promotion.mintGas({ nftId: own.nftId, transactionHash: hash });
      const event = await next(iterator);
      expect(event).toMatchObject({ nftId: own.nftId, status: 'paid', transactionHash: hash });
    } finally {
      await iterator.return?.();
    }
  });
});

describe.skipIf(!redisUrl)('promotion.status across instances sharing Redis [redis]', () => {
  let world: PromotionWorld;
  beforeAll(async () => {
    const [sqlite] = testDatabases();
    if (!sqlite) throw new Error('no database');
    world = await startPromotionWorld(sqlite, {
      REDIS_URL: redisUrl ?? '',
      REDIS_PREFIX: `test-${crypto.randomUUID()}:`,
    });
  });
  afterAll(() => world.close());

  it('delivers a change made by another instance to the subscriber', async () => {
    const member = await createMember(world);
    const own = await claim(world, member);
    const iterator = await openStream(world, member);
    const other = await world.instance();
    try {
      expect(await next(iterator)).toMatchObject({ nftId: own.nftId, status: 'new' });
      const hash = pay(world, member, own);
      await callerFor(other.deps, member).promotion.mintGas({ nftId: own.nftId, transactionHash: hash });
      expect(await next(iterator)).toMatchObject({ nftId: own.nftId, status: 'paid' });
    } finally {
      await iterator.return?.();
      await other.close();
    }
  });
});
