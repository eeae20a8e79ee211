import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../../src';
import type { StoreHarness } from './harness';
import { eventually } from './harness';

export function describeIsolationContract(harness: StoreHarness): void {
  describe('prefixes and lifecycle', () => {
    it('stores with different prefixes share nothing', async () => {
      const one = harness.create();
      const two = harness.create();
      await one.set('k', 'one');
      await one.incr('n');
      await one.hset('h', { f: 'one' });
      expect(await two.get('k')).toBeNull();
      expect(await two.incr('n')).toBe(1);
      expect(await two.hgetAll('h')).toBeNull();
      expect(await one.acquireLock('job', 10_000)).not.toBeNull();
      expect(await two.acquireLock('job', 10_000)).not.toBeNull();
    });

    it('messages stay within their prefix', async () => {
      const one = harness.create();
      const two = harness.create();
      const inOne: string[] = [];
      const inTwo: string[] = [];
      await one.subscribe('status', (m) => inOne.push(m));
      await two.subscribe('status', (m) => inTwo.push(m));
      await one.publish('status', 'for one');
      await eventually(() => expect(inOne).toEqual(['for one']));
      await sleep(50);
      expect(inTwo).toEqual([]);
    });

    it('ping answers while open; every call refuses once closed', async () => {
      const store = harness.create();
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.get('k')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.subscribe('status', () => undefined)).rejects.toBeInstanceOf(StoreUnavailableError);
      await store.close();
    });
  });
}
