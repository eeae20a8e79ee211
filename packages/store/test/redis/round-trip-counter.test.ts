import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, createStore, type Store, type StoreCounter } from '../../src';
import { randomTestPrefix } from '../../src/testing';

const redisUrl = process.env.TEST_REDIS_URL;

// The load test's round-trip counts come from this counter; the rate limiter reaches Redis beside
// the store's own methods, so a counter on the store's methods alone would miss it.
describe.skipIf(!redisUrl)('[redis] the round-trip counter', () => {
  const counter: StoreCounter = { roundTrips: 0 };
  let store: Store;
  beforeAll(async () => {
    store = createStore({ redisUrl, prefix: randomTestPrefix(), counter });
    await store.ping();
  });
  afterAll(() => store.close());

  const since = async (work: () => Promise<unknown>) => {
    const before = counter.roundTrips;
    await work();
    return counter.roundTrips - before;
  };

  it('counts one trip per command and per script, the rate limiter’s included', async () => {
    expect(await since(() => store.set('k', 'v'))).toBe(1);
    expect(await since(() => store.take('k'))).toBe(1);
    // A script's first call may find it unloaded (EVALSHA, then EVAL): two real trips, counted.
    await store.incr('n', { ttlMs: 10_000 });
    expect(await since(() => store.incr('n', { ttlMs: 10_000 }))).toBe(1);
    const limiter = createRateLimiter(store);
    const rule = { name: `count-${randomTestPrefix()}`, points: 5, durationSeconds: 60 };
    await limiter.consume(rule, 'ip:1'); // the first call may load the script
    expect(await since(() => limiter.consume(rule, 'ip:1'))).toBe(1);
  });

  it('counts nothing for a store made without a counter', async () => {
    const other = createStore({ redisUrl, prefix: randomTestPrefix() });
    const before = counter.roundTrips;
    await other.set('k', 'v');
    await other.close();
    expect(counter.roundTrips).toBe(before);
  });
});
