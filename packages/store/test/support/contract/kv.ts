import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src';
import { randomTestPrefix } from '../../../src/testing';
import type { StoreHarness } from './harness';

/** Two stores on one prefix: what two server instances see (one store in a single process). */
export function pair(harness: StoreHarness): { store: Store; peer: Store } {
  const prefix = randomTestPrefix();
  const store = harness.create(prefix);
  return { store, peer: harness.peer(store, prefix) };
}

export function describeKeyValueContract(harness: StoreHarness): void {
  describe('strings', () => {
    it('reads back what was written, and null for a missing key', async () => {
      const { store, peer } = pair(harness);
      expect(await store.get('missing')).toBeNull();
      expect(await store.set('k', 'v1')).toBe(true);
      expect(await peer.get('k')).toBe('v1');
      await peer.set('k', '{"json":true}');
      expect(await store.get('k')).toBe('{"json":true}');
    });

    it('expires a key after its TTL and reports the time left', async () => {
      const { store, peer } = pair(harness);
      await store.set('short', 'v', { ttlMs: 300 });
      await store.set('forever', 'v');
      const left = await peer.ttlMs('short');
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(300);
      expect(await peer.ttlMs('forever')).toBeNull();
      expect(await peer.ttlMs('missing')).toBeNull();
      await harness.advance(60);
      expect(await peer.get('short')).toBe('v');
      await harness.advance(300);
      expect(await peer.get('short')).toBeNull();
      expect(await peer.ttlMs('short')).toBeNull();
      expect(await peer.get('forever')).toBe('v');
    });

    it('a plain set clears an earlier expiry, as Redis SET does', async () => {
      const { store } = pair(harness);
      await store.set('k', 'a', { ttlMs: 200 });
      await store.set('k', 'b');
      await harness.advance(250);
      expect(await store.get('k')).toBe('b');
    });

    it('onlyIfAbsent writes only a missing key, and again once it expired', async () => {
      const { store, peer } = pair(harness);
      expect(await store.set('k', 'first', { onlyIfAbsent: true, ttlMs: 200 })).toBe(true);
      expect(await peer.set('k', 'second', { onlyIfAbsent: true })).toBe(false);
      expect(await store.get('k')).toBe('first');
      await harness.advance(250);
      expect(await peer.set('k', 'third', { onlyIfAbsent: true })).toBe(true);
      expect(await store.get('k')).toBe('third');
    });

    it('onlyIfAbsent lets exactly one of many concurrent writers win', async () => {
      const { store, peer } = pair(harness);
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 ? peer : store).set('race', `w${i}`, { onlyIfAbsent: true }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.get('race')).toBe(`w${results.indexOf(true)}`);
    });

    it('take returns the value once and deletes it', async () => {
      const { store, peer } = pair(harness);
      await store.set('challenge', 'c1', { ttlMs: 10_000 });
      expect(await peer.take('challenge')).toBe('c1');
      expect(await store.take('challenge')).toBeNull();
      expect(await store.get('challenge')).toBeNull();
      expect(await store.take('missing')).toBeNull();
    });

    it('take does not return an expired value', async () => {
      const { store } = pair(harness);
      await store.set('k', 'v', { ttlMs: 200 });
      await harness.advance(250);
      expect(await store.take('k')).toBeNull();
    });

    it('of 50 concurrent takers exactly one gets the value', async () => {
      const { store, peer } = pair(harness);
      for (let round = 0; round < 5; round += 1) {
        await store.set(`code:${round}`, `value-${round}`);
        const taken = await Promise.all(
          Array.from({ length: 50 }, (_, i) => (i % 2 ? peer : store).take(`code:${round}`)),
        );
        expect(taken.filter((v) => v !== null)).toEqual([`value-${round}`]);
      }
    });

    it('del says whether the key existed, and removes hashes too', async () => {
      const { store, peer } = pair(harness);
      await store.set('k', 'v');
      await store.hset('h', { a: '1' });
      expect(await peer.del('k')).toBe(true);
      expect(await peer.del('k')).toBe(false);
      expect(await peer.del('h')).toBe(true);
      expect(await store.hgetAll('h')).toBeNull();
    });

    it('refuses a TTL that is not positive', async () => {
      const { store } = pair(harness);
      await expect(store.set('k', 'v', { ttlMs: 0 })).rejects.toThrow(RangeError);
      await expect(store.incr('n', { ttlMs: -5 })).rejects.toThrow(RangeError);
      expect(await store.get('k')).toBeNull();
    });
  });

  describe('counters', () => {
    it('counts up and down from zero by any integer', async () => {
      const { store, peer } = pair(harness);
      expect(await store.incr('n')).toBe(1);
      expect(await peer.incr('n', { by: 4 })).toBe(5);
      expect(await store.incr('n', { by: -2 })).toBe(3);
      expect(await peer.get('n')).toBe('3');
      await expect(store.incr('n', { by: 1.5 })).rejects.toThrow(RangeError);
      await store.set('text', 'abc');
      await expect(store.incr('text')).rejects.toThrow(/not an integer/);
    });

    it('sets the TTL on the first increment only, so the window is fixed', async () => {
      const { store, peer } = pair(harness);
      await store.incr('window', { ttlMs: 400 });
      await harness.advance(250);
      expect(await peer.incr('window', { ttlMs: 400 })).toBe(2);
      const left = await store.ttlMs('window');
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(150);
      await harness.advance(200);
      expect(await store.get('window')).toBeNull();
      expect(await peer.incr('window', { ttlMs: 400 })).toBe(1);
    });

    it('loses no increment under concurrency', async () => {
      const { store, peer } = pair(harness);
      const values = await Promise.all(
        Array.from({ length: 100 }, (_, i) => (i % 2 ? peer : store).incr('hits', { ttlMs: 10_000 })),
      );
      expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(await store.get('hits')).toBe('100');
    });
  });
}
