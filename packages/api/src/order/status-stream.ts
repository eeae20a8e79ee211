import { type TOrderStatusEvent, ZOrderStatusEvent } from '@puffy/contracts';
import type { Deps } from '../deps';
import { channelStream } from '../platform/channel-stream';
import { loadOwnOrder } from './orders';
import { statusChannel } from './transition';

/** The member's order status now, then every change, until the client goes away. */
export function orderStatusStream(
  deps: Deps,
  userId: string,
  orderId: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<TOrderStatusEvent> {
  return channelStream(deps, {
    channel: statusChannel(orderId),
    schema: ZOrderStatusEvent,
    signal,
    current: async () => {
      // Someone else's order is "not found" here too, before anything is sent.
      const order = await loadOwnOrder(deps, deps.db.db, { userId, orderId });
      return [
        { orderId, status: order.status, reason: order.cancelReason, at: order.updatedAt.toISOString() },
      ];
    },
  });
}
