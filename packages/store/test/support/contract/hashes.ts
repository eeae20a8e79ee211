import { describe, expect, it } from 'vitest';
import type { StoreHarness } from './harness';
import { pair } from './kv';

export function describeHashContract(harness: StoreHarness): void {
  describe('hashes', () => {
    it('writes, reads and merges fields; null when missing', async () => {
      const { store, peer } = pair(harness);
      expect(await store.hgetAll('h')).toBeNull();
      expect(await store.hget('h', 'a')).toBeNull();
      await store.hset('h', { codeHash: 'abc', email: 'a@example.com' });
      await peer.hset('h', { tries: '0' });
      expect(await peer.hget('h', 'codeHash')).toBe('abc');
      expect(await peer.hget('h', 'nope')).toBeNull();
      expect(await store.hgetAll('h')).toEqual({ codeHash: 'abc', email: 'a@example.com', tries: '0' });
      await expect(store.hset('h', {})).rejects.toThrow(RangeError);
    });

    it('expires the whole hash; an hset without TTL keeps the expiry', async () => {
      const { store, peer } = pair(harness);
      await store.hset('code', { codeHash: 'x', tries: '0' }, { ttlMs: 300 });
      await harness.advance(100);
      await peer.hset('code', { email: 'a@example.com' });
      const left = await store.ttlMs('code');
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(200);
      await harness.advance(250);
      expect(await peer.hgetAll('code')).toBeNull();
    });

    it('hincr returns the new value and never brings back a missing hash', async () => {
      const { store, peer } = pair(harness);
      expect(await store.hincr('code', 'tries')).toBeNull();
      expect(await store.hgetAll('code')).toBeNull();
      await store.hset('code', { codeHash: 'x' }, { ttlMs: 200 });
      expect(await peer.hincr('code', 'tries')).toBe(1);
      expect(await store.hincr('code', 'tries', { by: 3 })).toBe(4);
      expect(await peer.hget('code', 'tries')).toBe('4');
      await harness.advance(250);
      expect(await store.hincr('code', 'tries')).toBeNull();
      expect(await store.hgetAll('code')).toBeNull();
      expect(await store.ttlMs('code')).toBeNull();
    });

    it('counts every one of many concurrent wrong guesses, so only five get checked', async () => {
      const { store, peer } = pair(harness);
      await store.hset('code', { codeHash: 'x', tries: '0' }, { ttlMs: 10_000 });
      const tries = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? peer : store).hincr('code', 'tries')),
      );
      expect([...tries].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      expect(tries.filter((t) => t !== null && t <= 5)).toHaveLength(5);
    });

    it('refuses to treat a hash as a string and the other way round', async () => {
      const { store } = pair(harness);
      await store.hset('h', { a: '1' });
      await store.set('s', 'v');
      await expect(store.get('h')).rejects.toThrow(/WRONGTYPE/);
      await expect(store.take('h')).rejects.toThrow(/WRONGTYPE/);
      await expect(store.hget('s', 'a')).rejects.toThrow(/WRONGTYPE/);
      await expect(store.hincr('s', 'a')).rejects.toThrow(/WRONGTYPE/);
      await store.hset('h', { word: 'abc' });
      await expect(store.hincr('h', 'word')).rejects.toThrow(/not an integer/);
    });
  });
}
