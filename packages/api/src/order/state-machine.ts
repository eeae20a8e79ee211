import { orderStatusMoves, type TOrderStatus } from '@puffy/contracts';
import { Conflict } from '../platform/errors';
import { statusMoves } from '../platform/status-moves';

/** docs/product/orders.md: every allowed move (contracts' lifecycles); anything else is refused. */
const TRANSITIONS: Readonly<Record<TOrderStatus, readonly TOrderStatus[]>> = orderStatusMoves;

const orderMoves = statusMoves(
  TRANSITIONS,
  (from, to) => new Conflict(`An order that is ${from} cannot become ${to}.`, 'illegal_transition'),
);

export const canTransition = orderMoves.can;

/** The one guard every status change goes through (members, jobs and admins alike). */
export const assertTransition = orderMoves.assert;
