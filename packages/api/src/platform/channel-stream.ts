import type { z } from 'zod';
import type { Deps } from '../deps';

export interface ChannelStreamOptions<T> {
  /** The store pub/sub channel the changes are published on. */
  channel: string;
  /** Every message is checked against it; anything else (not JSON, another shape) is skipped. */
  schema: z.ZodType<T>;
  /** Which events this stream carries; all by default. */
  keep?: (event: T) => boolean;
  /** The state now, sent first. */
  current: () => Promise<T[]>;
  signal: AbortSignal | undefined;
}

/**
 * The state now, then every change published on a store channel, until the client goes away: the
 * shape of every status subscription (orders, NFTs). It subscribes before reading the current state so
 * a change in between is not lost (at worst it is sent twice), and works across instances because the
 * store's pub/sub does.
 */
export async function* channelStream<T>(
  deps: Pick<Deps, 'store'>,
  options: ChannelStreamOptions<T>,
): AsyncGenerator<T> {
  const { signal } = options;
  const keep = options.keep ?? (() => true);
  const queue: T[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = await deps.store.subscribe(options.channel, (message) => {
    try {
      const parsed = options.schema.safeParse(JSON.parse(message));
      if (parsed.success && keep(parsed.data)) queue.push(parsed.data);
    } catch {
      // A message that is not JSON is not an event; the stream carries on.
    }
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    for (const event of await options.current()) if (keep(event)) yield event;
    while (!signal?.aborted) {
      const next = queue.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await unsubscribe();
  }
}
