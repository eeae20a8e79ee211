import type { TOrderStatus, TOrderStatusEvent } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { Conflict } from '../platform/errors';
import { assertTransition } from './state-machine';

export interface TransitionRequest {
  orderId: string;
  from: TOrderStatus;
  to: TOrderStatus;
  reason?: string | null;
  /** A user id, or 'system' for jobs. */
  actor: string;
  /** Extra columns written with the status (the payment hash, the cancel reason). */
  set?: { paymentTxHash?: string; cancelReason?: string };
}

/**
 * Moves an order from `from` to `to` inside `tx`: the guard, a conditional UPDATE (so a concurrent
 * move of the same order loses with CONFLICT rather than overwriting), and the history row.
 */
export async function transitionOrder(
  deps: Deps,
  tx: Database,
  req: TransitionRequest,
): Promise<TOrderStatusEvent> {
  assertTransition(req.from, req.to);
  const o = deps.db.t.orders;
  const at = deps.clock.now();
  const [moved] = await tx
    .update(o)
    .set({ status: req.to, updatedAt: at, ...req.set })
    .where(and(eq(o.id, req.orderId), eq(o.status, req.from)))
    .returning({ id: o.id });
  if (!moved) throw new Conflict(`The order is no longer ${req.from}; reload it.`, 'status_changed');
  await tx.insert(deps.db.t.orderStatusHistory).values({
    orderId: req.orderId,
    fromStatus: req.from,
    toStatus: req.to,
    reason: req.reason ?? null,
    actor: req.actor,
    createdAt: at,
  });
  return { orderId: req.orderId, status: req.to, reason: req.reason ?? null, at: at.toISOString() };
}

export const statusChannel = (orderId: string) => `order-status:${orderId}`;

/** Tells live status streams; called after the transaction committed. A lost message only delays the SPA. */
export async function publishStatus(deps: Deps, event: TOrderStatusEvent): Promise<void> {
  try {
    await deps.store.publish(statusChannel(event.orderId), JSON.stringify(event));
  } catch (error) {
    deps.logger.warn({ err: error, orderId: event.orderId }, 'order status not published');
  }
}
