import { createMemoryStore } from '@puffy/store';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelStream } from '../../src/platform/channel-stream';

const ZEvent = z.object({ id: z.number(), status: z.string() });
type Event = z.infer<typeof ZEvent>;

describe('channelStream', () => {
  it('sends the current state, then each valid kept event in order, skipping garbage, until aborted', async () => {
    const store = createMemoryStore();
    const controller = new AbortController();
    const stream = channelStream<Event>(
      { store },
      {
        channel: 'status:1',
        schema: ZEvent,
        keep: (event) => event.id === 1,
        current: async () => [{ id: 1, status: 'new' }],
        signal: controller.signal,
      },
    );
    const received: Event[] = [];
    const reading = (async () => {
      for await (const event of stream) {
        received.push(event);
        if (event.status === 'confirmed') controller.abort();
      }
    })();
    // The subscription is open once the current state has arrived.
    while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await store.publish('status:1', 'not json');
    await store.publish('status:1', JSON.stringify({ id: 1 }));
    await store.publish('status:1', JSON.stringify({ id: 2, status: 'paid' }));
    await store.publish('status:1', JSON.stringify({ id: 1, status: 'paid' }));
    await store.publish('status:1', JSON.stringify({ id: 1, status: 'confirmed' }));
    await reading;
    expect(received.map((e) => e.status)).toEqual(['new', 'paid', 'confirmed']);
    await store.close();
  });

  it('lets the current state’s refusal end the stream before anything is sent', async () => {
    const store = createMemoryStore();
    const stream = channelStream<Event>(
      { store },
      {
        channel: 'status:2',
        schema: ZEvent,
        current: async () => {
          throw new Error('not yours');
        },
        signal: undefined,
      },
    );
    await expect(stream.next()).rejects.toThrow('not yours');
    await store.close();
  });
});
