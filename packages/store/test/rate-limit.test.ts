import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, createRedisStore, type RateLimitRule, type Store } from '../src';
import { createTestStore, randomTestPrefix } from '../src/testing';

const redisUrl = process.env.TEST_REDIS_URL;

function rule(overrides: Partial<RateLimitRule> = {}): RateLimitRule {
  return { name: `rule-${randomTestPrefix()}`, points: 5, durationSeconds: 60, ...overrides };
}

async function consumeMany(
  limiter: ReturnType<typeof createRateLimiter>,
  r: RateLimitRule,
  key: string,
  n: number,
) {
  const outcomes = [];
  for (let i = 0; i < n; i += 1) outcomes.push(await limiter.consume(r, key));
  return outcomes;
}

function describeRateLimiterContract(title: string, makeStore: () => Store): void {
  describe(title, () => {
    it('allows the rule’s points, then refuses with the seconds to wait', async () => {
      const store = makeStore();
      const limiter = createRateLimiter(store);
      const r = rule({ points: 3, durationSeconds: 30 });
      const outcomes = await consumeMany(limiter, r, 'ip:1', 5);
      expect(outcomes.slice(0, 3)).toEqual([
        { allowed: true, remaining: 2 },
        { allowed: true, remaining: 1 },
        { allowed: true, remaining: 0 },
      ]);
      for (const refused of outcomes.slice(3)) {
        expect(refused.allowed).toBe(false);
        if (!refused.allowed) {
          expect(refused.retryAfterSeconds).toBeGreaterThan(0);
          expect(refused.retryAfterSeconds).toBeLessThanOrEqual(30);
        }
      }
      await store.close();
    });

    it('counts a cost above one as several calls', async () => {
      const store = makeStore();
      const limiter = createRateLimiter(store);
      const r = rule({ points: 5 });
      expect(await limiter.consume(r, 'k', 3)).toEqual({ allowed: true, remaining: 2 });
      expect((await limiter.consume(r, 'k', 3)).allowed).toBe(false);
      await expect(limiter.consume(r, 'k', 0)).rejects.toThrow(RangeError);
      await store.close();
    });

    it('keeps keys and rules apart', async () => {
      const store = makeStore();
      const limiter = createRateLimiter(store);
      const strict = rule({ points: 1 });
      const other = rule({ points: 1 });
      expect((await limiter.consume(strict, 'ip:1')).allowed).toBe(true);
      expect((await limiter.consume(strict, 'ip:1')).allowed).toBe(false);
      expect((await limiter.consume(strict, 'ip:2')).allowed).toBe(true);
      expect((await limiter.consume(other, 'ip:1')).allowed).toBe(true);
      await store.close();
    });

    it('opens again when the window ends', async () => {
      const store = makeStore();
      const limiter = createRateLimiter(store);
      const r = rule({ points: 1, durationSeconds: 1 });
      expect((await limiter.consume(r, 'k')).allowed).toBe(true);
      expect(await limiter.consume(r, 'k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
      await sleep(1100);
      expect((await limiter.consume(r, 'k')).allowed).toBe(true);
      await store.close();
    });

    it('blocks for blockSeconds once the points are spent', async () => {
      const store = makeStore();
      const limiter = createRateLimiter(store);
      const r = rule({ points: 1, durationSeconds: 2, blockSeconds: 120 });
      await limiter.consume(r, 'k');
      const refused = await limiter.consume(r, 'k');
      expect(refused.allowed).toBe(false);
      if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(100);
      await store.close();
    });

    it('refuses one rule name used with two settings', async () => {
      const store = makeStore();
      const limiter = createRateLimiter(store);
      const r = rule({ points: 2 });
      await limiter.consume(r, 'k');
      await expect(limiter.consume({ ...r, points: 3 }, 'k')).rejects.toThrow(/two different settings/);
      await store.close();
    });
  });
}

describeRateLimiterContract('rate limiter on the memory store', () => createTestStore());

describe.skipIf(!redisUrl)('[redis] rate limiter', () => {
  const url = redisUrl ?? '';
  let raw: Redis;
  beforeAll(() => {
    raw = new Redis(url);
  });
  afterAll(() => raw.quit());
  describeRateLimiterContract('[redis] rate limiter contract', () => createTestStore({ redisUrl: url }));

  it('two instances share one count', async () => {
    const prefix = randomTestPrefix();
    const storeA = createTestStore({ redisUrl: url, prefix });
    const storeB = createRedisStore({ url, prefix });
    const [a, b] = [createRateLimiter(storeA), createRateLimiter(storeB)];
    const r = rule({ points: 10 });
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).consume(r, 'ip:1')),
    );
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(10);
    // Counted in Redis, not in either instance's insurance.
    expect(await raw.get(`${prefix}rl:${r.name}:ip:1`)).toBe('30');
    await Promise.all([storeB.close(), storeA.close()]);
  });

  it('falls back to per-instance limits in memory while Redis is unreachable', async () => {
    const store = createRedisStore({
      url: 'redis://127.0.0.1:1',
      prefix: randomTestPrefix(),
      connectTimeoutMs: 300,
    });
    const limiter = createRateLimiter(store);
    const r = rule({ points: 3 });
    const started = performance.now();
    const outcomes = await consumeMany(limiter, r, 'ip:1', 5);
    expect(outcomes.map((o) => o.allowed)).toEqual([true, true, true, false, false]);
    expect(outcomes[2]).toEqual({ allowed: true, remaining: 0 });
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(store.ping()).rejects.toThrow();
    await store.close();
  });
});
