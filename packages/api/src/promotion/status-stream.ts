import { type TNftStatusEvent, ZNftStatusEvent } from '@puffy/contracts';
import type { Deps } from '../deps';
import { nftsOfUser, progressOf, statusChannel } from './progress';

/**
 * The caller's NFTs now (one, when `nftId` is given), then every change to them, until the client goes
 * away. The channel is the owner's, so nobody else's NFTs can reach this stream; each event is checked
 * against the schema before it is sent. Subscribes before reading so a change in between is not lost.
 */
export async function* nftStatusStream(
  deps: Deps,
  userId: string,
  nftId: number | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<TNftStatusEvent> {
  const queue: TNftStatusEvent[] = [];
  let wake: (() => void) | null = null;
  const wanted = (event: TNftStatusEvent) => nftId === undefined || event.nftId === nftId;
  const unsubscribe = await deps.store.subscribe(statusChannel(userId), (message) => {
    try {
      const parsed = ZNftStatusEvent.safeParse(JSON.parse(message));
      if (parsed.success && wanted(parsed.data)) queue.push(parsed.data);
    } catch {
      // A message that is not JSON is not a status event; the stream carries on.
    }
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    const current = await progressOf(deps, await nftsOfUser(deps, userId));
    for (const event of current) if (wanted(event)) yield event;
    while (!signal?.aborted) {
      const next = queue.shift();
      if (next) {
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
