import { type TOrderStatusEvent, ZOrderStatusEvent } from '@puffy/contracts';
import type { Deps } from '../deps';
import { loadOwnOrder } from './orders';
import { statusChannel } from './transition';

/**
 * The order's status now, then every change, until the client goes away. Subscribes before reading
 * the current status so a change in between is not lost (at worst it is sent twice).
 */
export async function* orderStatusStream(
  deps: Deps,
  userId: string,
  orderId: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<TOrderStatusEvent> {
  const queue: TOrderStatusEvent[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = await deps.store.subscribe(statusChannel(orderId), (message) => {
    const parsed = ZOrderStatusEvent.safeParse(JSON.parse(message));
    if (parsed.success) queue.push(parsed.data);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    const order = await loadOwnOrder(deps, userId, orderId);
    yield { orderId, status: order.status, reason: order.cancelReason, at: order.updatedAt.toISOString() };
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
