import { describe, expect, it } from 'vitest';
import type { StoreHarness } from './harness';
import { eventually } from './harness';
import { pair } from './kv';

export function describePubSubContract(harness: StoreHarness): void {
  describe('pub/sub', () => {
    it('delivers messages in order to a subscriber of another instance', async () => {
      const { store, peer } = pair(harness);
      const received: string[] = [];
      await peer.subscribe('status', (m) => received.push(m));
      const sent = Array.from({ length: 20 }, (_, i) => `m${i}`);
      for (const message of sent) await store.publish('status', message);
      await eventually(() => expect(received).toEqual(sent));
    });

    it('stops delivering after unsubscribe, and keeps the other subscriptions', async () => {
      const { store, peer } = pair(harness);
      const gone: string[] = [];
      const kept: string[] = [];
      const unsubscribe = await peer.subscribe('status', (m) => gone.push(m));
      await peer.subscribe('status', (m) => kept.push(m));
      await store.publish('status', 'one');
      await eventually(() => expect(gone).toEqual(['one']));
      await unsubscribe();
      await unsubscribe();
      await store.publish('status', 'two');
      // The kept subscription shares the connection, so once it has "two" the other would have too.
      await eventually(() => expect(kept).toEqual(['one', 'two']));
      expect(gone).toEqual(['one']);
    });

    it('subscribes again to a channel whose last subscriber left', async () => {
      const { store, peer } = pair(harness);
      const first: string[] = [];
      const second: string[] = [];
      const unsubscribe = await peer.subscribe('status', (m) => first.push(m));
      await unsubscribe();
      await peer.subscribe('status', (m) => second.push(m));
      await store.publish('status', 'again');
      await eventually(() => expect(second).toEqual(['again']));
      expect(first).toEqual([]);
    });

    it('keeps channels apart', async () => {
      const { store, peer } = pair(harness);
      const a: string[] = [];
      const b: string[] = [];
      await peer.subscribe('a', (m) => a.push(m));
      await peer.subscribe('b', (m) => b.push(m));
      await store.publish('a', 'for a');
      await store.publish('b', 'for b');
      await eventually(() => expect(b).toEqual(['for b']));
      expect(a).toEqual(['for a']);
    });

    it('a subscriber that throws does not stop delivery to the others', async () => {
      const { store, peer } = pair(harness);
      const received: string[] = [];
      await peer.subscribe('status', () => {
        throw new Error('broken subscriber');
      });
      await peer.subscribe('status', (m) => received.push(m));
      await store.publish('status', 'one');
      await store.publish('status', 'two');
      await eventually(() => expect(received).toEqual(['one', 'two']));
    });
  });
}
