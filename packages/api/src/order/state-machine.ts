import type { TOrderStatus } from '@puffy/contracts';
import { Conflict } from '../platform/errors';

/** docs/product/orders.md: every allowed move; anything else is refused. */
const TRANSITIONS: Readonly<Record<TOrderStatus, readonly TOrderStatus[]>> = {
  new: ['paid', 'cancelled'],
  paid: ['confirmed', 'expired', 'refunded'],
  confirmed: ['processing', 'refunded'],
  processing: ['shipped'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
  expired: [],
  refunded: [],
};

export const canTransition = (from: TOrderStatus, to: TOrderStatus): boolean =>
  TRANSITIONS[from].includes(to);

/** The one guard every status change goes through (members, jobs and admins alike). */
export function assertTransition(from: TOrderStatus, to: TOrderStatus): void {
  if (!canTransition(from, to)) {
    throw new Conflict(`An order that is ${from} cannot become ${to}.`, 'illegal_transition');
  }
}
