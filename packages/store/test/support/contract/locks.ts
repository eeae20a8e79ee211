import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LockBusyError } from '../../../src';
import type { StoreHarness } from './harness';
import { pair } from './kv';

export function describeLockContract(harness: StoreHarness): void {
  describe('locks', () => {
    it('is held by one holder until released', async () => {
      const { store, peer } = pair(harness);
      const lock = await store.acquireLock('job', 10_000);
      expect(lock?.key).toBe('job');
      expect(await peer.acquireLock('job', 10_000)).toBeNull();
      await lock?.release();
      const next = await peer.acquireLock('job', 10_000);
      expect(next).not.toBeNull();
      await next?.release();
    });

    it('expires by itself', async () => {
      const { store, peer } = pair(harness);
      expect(await store.acquireLock('job', 200)).not.toBeNull();
      await harness.advance(250);
      expect(await peer.acquireLock('job', 10_000)).not.toBeNull();
    });

    it('is released and extended only by its owner', async () => {
      const { store, peer } = pair(harness);
      const first = await store.acquireLock('job', 200);
      await harness.advance(250);
      const second = await peer.acquireLock('job', 10_000);
      expect(first).not.toBeNull();
      expect(second).not.toBeNull();
      await first?.release();
      expect(await first?.extend(10_000)).toBe(false);
      expect(await store.acquireLock('job', 10_000)).toBeNull();
      expect(await second?.extend(20_000)).toBe(true);
      await second?.release();
      expect(await store.acquireLock('job', 10_000)).not.toBeNull();
    });

    it('extend pushes the expiry out', async () => {
      const { store, peer } = pair(harness);
      const lock = await store.acquireLock('job', 300);
      await harness.advance(150);
      expect(await lock?.extend(600)).toBe(true);
      await harness.advance(300);
      expect(await peer.acquireLock('job', 10_000)).toBeNull();
    });

    it('lives apart from a plain key of the same name', async () => {
      const { store } = pair(harness);
      await store.set('job', 'data');
      expect(await store.acquireLock('job', 10_000)).not.toBeNull();
      expect(await store.get('job')).toBe('data');
    });

    it('withLock never lets two critical sections overlap', async () => {
      const { store, peer } = pair(harness);
      let inside = 0;
      let maxInside = 0;
      const order: number[] = [];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? peer : store).withLock(
            'critical',
            10_000,
            async () => {
              inside += 1;
              maxInside = Math.max(maxInside, inside);
              await sleep(2);
              order.push(i);
              inside -= 1;
              return i;
            },
            { waitMs: 20_000, retryDelayMs: 5 },
          ),
        ),
      );
      expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(maxInside).toBe(1);
      expect(order).toHaveLength(20);
    });

    it('withLock waits for a holder to release', async () => {
      const { store, peer } = pair(harness);
      const held = await store.acquireLock('job', 10_000);
      setTimeout(() => void held?.release(), 100);
      const started = performance.now();
      const value = await peer.withLock('job', 10_000, async () => 'ran', { waitMs: 5000 });
      expect(value).toBe('ran');
      expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    });

    it('withLock throws LockBusyError when the lock stays taken', async () => {
      const { store, peer } = pair(harness);
      await store.acquireLock('job', 10_000);
      let ran = false;
      const attempt = peer.withLock(
        'job',
        10_000,
        async () => {
          ran = true;
        },
        { waitMs: 100 },
      );
      await expect(attempt).rejects.toBeInstanceOf(LockBusyError);
      await expect(store.withLock('job', 10_000, async () => 1)).rejects.toThrow(/held by another holder/);
      expect(ran).toBe(false);
    });

    it('withLock releases the lock when the work throws', async () => {
      const { store, peer } = pair(harness);
      await expect(
        store.withLock('job', 10_000, async () => {
          throw new Error('work failed');
        }),
      ).rejects.toThrow('work failed');
      expect(await peer.acquireLock('job', 10_000)).not.toBeNull();
    });
  });
}
