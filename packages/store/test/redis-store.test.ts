import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore, createStore, StoreUnavailableError } from '../src';
import { createTestStore, randomTestPrefix } from '../src/testing';
import { describeStoreContract } from './support/contract';
import { eventually, redisHarness } from './support/contract/harness';

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!redisUrl)('[redis] store', () => {
  const url = redisUrl ?? '';
  describeStoreContract('[redis] store contract', redisHarness(url));

  let raw: Redis;
  beforeAll(() => {
    raw = new Redis(url);
  });
  afterAll(() => raw.quit());

  it('is what createStore makes with a Redis URL', async () => {
    const store = createStore({ redisUrl: url, prefix: randomTestPrefix() });
    expect(store.kind).toBe('redis');
    await store.ping();
    await store.close();
  });

  it('two instances, as two servers have, see each other’s keys, locks and messages', async () => {
    const prefix = randomTestPrefix();
    const serverA = createTestStore({ redisUrl: url, prefix });
    const serverB = createRedisStore({ url, prefix });
    await serverA.set('auth:challenge:1', 'payload', { ttlMs: 10_000 });
    expect(await serverB.take('auth:challenge:1')).toBe('payload');
    expect(await serverA.take('auth:challenge:1')).toBeNull();
    const lock = await serverB.acquireLock('mint', 10_000);
    expect(await serverA.acquireLock('mint', 10_000)).toBeNull();
    await lock?.release();
    const received: string[] = [];
    await serverA.subscribe('order:1', (m) => received.push(m));
    await serverB.publish('order:1', 'paid');
    await eventually(() => expect(received).toEqual(['paid']));
    await Promise.all([serverB.close(), serverA.close()]);
  });

  it('keeps every key under its prefix in Redis', async () => {
    const prefix = randomTestPrefix();
    const store = createRedisStore({ url, prefix });
    await store.set('k', 'v');
    await store.hset('h', { f: '1' }, { ttlMs: 10_000 });
    await store.acquireLock('job', 10_000);
    expect(await raw.get(`${prefix}k`)).toBe('v');
    expect(await raw.hget(`${prefix}h`, 'f')).toBe('1');
    expect(await raw.exists(`${prefix}lock:job`)).toBe(1);
    expect((await raw.keys(`${prefix}*`)).sort()).toEqual([`${prefix}h`, `${prefix}k`, `${prefix}lock:job`]);
    expect(await raw.get('k')).toBeNull();
    await raw.del(`${prefix}k`, `${prefix}h`, `${prefix}lock:job`);
    await store.close();
  });

  it('a test store deletes what it left behind when closed', async () => {
    const prefix = randomTestPrefix();
    const store = createTestStore({ redisUrl: url, prefix });
    await store.set('k', 'v');
    await store.incr('n');
    await store.close();
    expect(await raw.keys(`${prefix}*`)).toEqual([]);
  });

  it('a command error is not mistaken for an outage', async () => {
    const store = createTestStore({ redisUrl: url });
    await store.hset('h', { f: '1' });
    const error = await store.get('h').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(StoreUnavailableError);
    expect(String(error)).toMatch(/WRONGTYPE/);
    await store.close();
  });
});

describe.skipIf(!redisUrl)('[redis] store with Redis unreachable', () => {
  // Port 1 refuses connections at once, as a stopped Redis does.
  const unreachable = 'redis://127.0.0.1:1';

  it('rejects every kind of call with StoreUnavailableError instead of hanging', async () => {
    const store = createRedisStore({ url: unreachable, connectTimeoutMs: 300 });
    const started = performance.now();
    const calls = [
      store.get('k'),
      store.set('k', 'v'),
      store.take('k'),
      store.incr('n', { ttlMs: 1000 }),
      store.hincr('h', 'f'),
      store.acquireLock('job', 1000),
      store.publish('status', 'm'),
      store.subscribe('status', () => undefined),
      store.ping(),
    ];
    for (const outcome of await Promise.allSettled(calls)) {
      expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(StoreUnavailableError);
    }
    expect(performance.now() - started).toBeLessThan(1500);
    await store.close();
  });

  it('reports connection errors to onError rather than printing them', async () => {
    const contexts: string[] = [];
    const store = createRedisStore({
      url: unreachable,
      connectTimeoutMs: 300,
      onError: (_error, context) => contexts.push(context),
    });
    await eventually(() => expect(contexts).toContain('redis connection'));
    await store.close();
  });
});
