import type {
  TAdminOrderTarget,
  TBulkOrderStatusInput,
  TBulkOrderStatusResult,
  TOrderStatus,
  TOrderStatusEvent,
} from '@puffy/contracts';
import { type Database, lockRows } from '@puffy/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { EmailKind } from '../../notification/emails';
import { queueEmail } from '../../notification/service';
import { giveBack } from '../../order/give-back';
import { publishStatus, transitionOrder } from '../../order/transition';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { AppError, NotFound } from '../../platform/errors';

/** The member hears about these moves; the others are the warehouse's own bookkeeping. */
const EMAIL_FOR: Partial<Record<TOrderStatus, EmailKind>> = {
  shipped: 'order_shipped',
  refunded: 'order_refunded',
  cancelled: 'order_cancelled',
};

interface Move {
  orderId: string;
  to: TAdminOrderTarget;
  reason: string | null;
  /** Refunds: the transaction that sent the money back, recorded on the order's payment. */
  refundTransactionHash?: string;
}

/**
 * Marks the order's settled payment refunded (when the refund was already sent), in the same
 * transaction. A payment the worker is still settling is left alone; the treasury reconciliation lists
 * it until an admin records its refund there.
 */
async function markOrderPaymentRefunded(deps: Deps, tx: Database, orderId: string, hash: string) {
  const p = deps.db.t.payments;
  await tx
    .update(p)
    .set({ status: 'refunded', refundTxHash: hash, updatedAt: deps.clock.now() })
    .where(and(eq(p.orderId, orderId), inArray(p.status, ['finalized', 'rejected'])));
}

/**
 * One operator move of one order, in its own transaction: the state machine's guard and history, the
 * give-back of a pass or free device when the order will not ship, the member's email, and the audit
 * row, so all of it commits or none of it does.
 */
async function moveOrder(
  deps: Deps,
  actor: AuditActor,
  move: Move,
): Promise<{ from: TOrderStatus; event: TOrderStatusEvent }> {
  const o = deps.db.t.orders;
  return deps.db.withTransaction(async (tx) => {
    await lockRows(deps.db, tx, o, eq(o.id, move.orderId));
    const [order] = await tx.select().from(o).where(eq(o.id, move.orderId)).limit(1);
    if (!order) throw new NotFound('No order has this id.', 'order_not_found');
    const ending = move.to === 'cancelled' || move.to === 'refunded';
    const event = await transitionOrder(deps, tx, {
      orderId: order.id,
      from: order.status,
      to: move.to,
      reason: move.reason ?? 'set by an admin',
      actor: actor.userId ?? 'system',
      // The email's "Reason:" line reads this column.
      set: ending && move.reason ? { cancelReason: move.reason } : undefined,
    });
    if (ending) await giveBack(deps, tx, order);
    if (move.to === 'refunded' && move.refundTransactionHash)
      await markOrderPaymentRefunded(deps, tx, order.id, move.refundTransactionHash);
    await recordAudit(deps, tx, actor, {
      action: move.to === 'refunded' ? 'order.refunded' : 'order.status_changed',
      targetType: 'order',
      targetId: order.id,
      before: { status: order.status },
      after: {
        status: move.to,
        reason: move.reason,
        ...(move.refundTransactionHash ? { refundTransactionHash: move.refundTransactionHash } : {}),
      },
    });
    const kind = EMAIL_FOR[move.to];
    if (kind) await queueEmail(deps, tx, { kind, userId: order.userId, orderId: order.id });
    return { from: order.status, event };
  });
}

/**
 * Moves many orders, each on its own through the state machine: one refused order (wrong status,
 * changed meanwhile, unknown id) is reported with why and does not stop the others.
 */
export async function bulkChangeOrderStatus(
  deps: Deps,
  actor: AuditActor,
  input: TBulkOrderStatusInput,
): Promise<TBulkOrderStatusResult> {
  const result: TBulkOrderStatusResult = { changed: [], refused: [] };
  for (const orderId of new Set(input.orderIds)) {
    try {
      const { from, event } = await moveOrder(deps, actor, {
        orderId,
        to: input.to,
        reason: input.reason ?? null,
      });
      result.changed.push({ orderId, from, to: event.status });
      await publishStatus(deps, event);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.refused.push({ orderId, code: error.options.reason ?? error.code, message: error.message });
    }
  }
  return result;
}

/** Refunds one paid or confirmed order with the reason; the member is emailed. */
export async function refundOrder(
  deps: Deps,
  actor: AuditActor,
  input: { orderId: string; reason: string; refundTransactionHash?: string },
): Promise<TOrderStatusEvent> {
  const { event } = await moveOrder(deps, actor, {
    orderId: input.orderId,
    to: 'refunded',
    reason: input.reason,
    refundTransactionHash: input.refundTransactionHash,
  });
  await publishStatus(deps, event);
  return event;
}
