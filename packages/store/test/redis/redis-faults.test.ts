import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, createRedisStore, type RateLimitRule, StoreUnavailableError } from '../../src';
import { randomTestPrefix } from '../../src/testing';
import { eventually } from '../support/contract/harness';
import { hangingRedis, type OwnRedis, ownRedis } from '../support/redis-server';

const redisUrl = process.env.TEST_REDIS_URL;

/** Awaits a call that must fail as unavailable; returns how long the failure took. */
async function expectUnavailable(promise: Promise<unknown>): Promise<number> {
  const started = performance.now();
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreUnavailableError);
  return performance.now() - started;
}

// Uses a redis-server of its own (the machine's shared one is never stopped); runs with the Redis suites.
describe.skipIf(!redisUrl)('[redis] store through a Redis crash and restart', () => {
  let redis: OwnRedis;
  beforeAll(async () => {
    redis = await ownRedis();
    await redis.start();
  });
  afterAll(() => redis.stop());

  it('answers StoreUnavailableError at once while Redis is down, and recovers by itself', async () => {
    const prefix = randomTestPrefix();
    const store = createRedisStore({ url: redis.url, prefix });
    const publisher = createRedisStore({ url: redis.url, prefix });
    const limiter = createRateLimiter(store);
    const rule: RateLimitRule = { name: 'faults', points: 2, durationSeconds: 60 };
    const received: string[] = [];
    await store.subscribe('status', (m) => received.push(m));
    await store.set('before', 'v');
    expect(await limiter.consume(rule, 'ip:1')).toEqual({ allowed: true, remaining: 1 });

    await redis.stop();
    await eventually(() => expectUnavailable(store.get('before')));
    expect(await expectUnavailable(store.set('k', 'v'))).toBeLessThan(100);
    expect(await expectUnavailable(store.take('k'))).toBeLessThan(100);
    expect(await expectUnavailable(store.ping())).toBeLessThan(100);
    // Rate limits keep answering from this instance's memory.
    expect(await limiter.consume(rule, 'ip:1')).toEqual({ allowed: true, remaining: 1 });
    expect(await limiter.consume(rule, 'ip:1')).toEqual({ allowed: true, remaining: 0 });
    expect((await limiter.consume(rule, 'ip:1')).allowed).toBe(false);

    await redis.start();
    await eventually(() => store.ping(), 10_000);
    await store.set('after', 'v2');
    expect(await store.get('after')).toBe('v2');
    // The data died with the server (no persistence here); the count starts afresh in Redis.
    expect(await limiter.consume(rule, 'ip:1')).toEqual({ allowed: true, remaining: 1 });
    // The subscription came back with the connection.
    await eventually(async () => {
      await publisher.publish('status', 'back');
      expect(received).toContain('back');
    }, 10_000);
    await Promise.all([store.close(), publisher.close()]);
  });
});

describe.skipIf(!redisUrl)('[redis] store against a Redis that stops answering', () => {
  it('a command that gets no answer fails after the command timeout', async () => {
    const server = await hangingRedis();
    const store = createRedisStore({ url: server.url, commandTimeoutMs: 200 });
    await store.ping();
    server.goSilent();
    const elapsed = await expectUnavailable(store.get('k'));
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(1000);
    await store.close();
    await server.close();
  });

  it('a connection that never becomes ready fails after the connect timeout', async () => {
    const server = await hangingRedis();
    server.goSilent();
    const store = createRedisStore({ url: server.url, connectTimeoutMs: 200, commandTimeoutMs: 200 });
    const elapsed = await expectUnavailable(store.get('k'));
    expect(elapsed).toBeLessThan(1000);
    await store.close();
    await server.close();
  });
});
