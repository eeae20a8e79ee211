import type { TPage, TTreasuryProblem, TTreasuryRow } from '@puffy/contracts';
import { lockRows } from '@puffy/db';
import { and, eq, gt, inArray, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { afterCursor, newestFirst, toPage } from '../../platform/cursor';
import { NotFound, PreconditionFailed } from '../../platform/errors';

type PaymentRow = Deps['db']['t']['payments']['$inferSelect'];

/** What a payment pays for no longer wants the money: the order will not ship, the claim expired. */
const ORDER_ENDED = ['cancelled', 'expired', 'refunded'] as const;

function problemsOf(
  row: PaymentRow,
  orderStatus: string | null,
  nftStatus: string | null,
): TTreasuryProblem[] {
  // Paying for nothing, the whole amount goes back: how it compares to an expectation does not matter.
  if (row.orderId === null && row.nftId === null) return ['unmatched'];
  const ended =
    row.status === 'rejected' ||
    (orderStatus !== null && (ORDER_ENDED as readonly string[]).includes(orderStatus)) ||
    nftStatus === 'payment_expired';
  const problems: TTreasuryProblem[] = ended ? ['orphaned'] : [];
  if (row.surplus > 0n && !ended) problems.push('overpaid');
  if (row.amount < row.expectedAmount) problems.push('underpaid');
  return problems;
}

/**
 * What settles it: a payment that pays for nothing (or too little to pay for anything) goes back
 * whole; an overpayment gives back its surplus. An underpayment could instead be completed by the
 * member paying the shortfall.
 */
function settlement(row: PaymentRow, problems: TTreasuryProblem[]) {
  const whole =
    problems.includes('unmatched') || problems.includes('orphaned') || problems.includes('underpaid');
  return {
    refundAmount: (whole ? row.amount : row.surplus).toString(),
    shortfall: (row.amount < row.expectedAmount ? row.expectedAmount - row.amount : 0n).toString(),
  };
}

/**
 * Treasury reconciliation: every payment that reached a treasury and matches no claim or order, pays
 * for one that ended, was refused (too little, too late, from another wallet, for a claim or order
 * already paid), or paid too much. Every transaction the server sees reach the treasury is recorded with
 * what arrived (docs/product/payments.md); a row with nothing arrived (a transaction dropped before it
 * became final) holds no money to give back and is left out.
 */
export async function listTreasuryProblems(
  deps: Deps,
  input: { purpose?: 'nft_gas' | 'order'; includeRefunded: boolean; cursor?: string; limit: number },
): Promise<TPage<TTreasuryRow>> {
  const { db, t } = deps.db;
  const p = t.payments;
  const filters: Array<SQL | undefined> = [
    afterCursor(input.cursor, p.createdAt, p.id),
    gt(p.amount, 0n),
    input.purpose ? eq(p.purpose, input.purpose) : undefined,
    input.includeRefunded ? undefined : ne(p.status, 'refunded'),
    or(
      and(isNull(p.orderId), isNull(p.nftId)),
      eq(p.status, 'rejected'),
      inArray(t.orders.status, [...ORDER_ENDED]),
      eq(t.userNfts.status, 'payment_expired'),
      gt(p.surplus, 0n),
      lt(p.amount, p.expectedAmount),
    ),
  ];
  const rows = await db
    .select({ payment: p, orderStatus: t.orders.status, nftStatus: t.userNfts.status })
    .from(p)
    .leftJoin(t.orders, eq(t.orders.id, p.orderId))
    .leftJoin(t.userNfts, eq(t.userNfts.id, p.nftId))
    .where(and(...filters))
    .orderBy(...newestFirst(p.createdAt, p.id))
    .limit(input.limit + 1);
  return toPage(
    rows.map((r) => ({ ...r, id: r.payment.id, createdAt: r.payment.createdAt })),
    input.limit,
    ({ payment, orderStatus, nftStatus }) => toTreasuryRow(deps, payment, orderStatus, nftStatus),
  );
}

function toTreasuryRow(
  deps: Deps,
  row: PaymentRow,
  orderStatus: string | null,
  nftStatus: string | null,
): TTreasuryRow {
  const problems = problemsOf(row, orderStatus, nftStatus);
  return {
    id: row.id,
    purpose: row.purpose,
    network: row.network,
    transactionHash: row.transactionHash,
    payer: row.payer,
    recipient: row.recipient,
    tokenMint: row.tokenMint,
    unit: row.tokenMint === null ? 'SOL' : row.tokenMint === deps.storefront.usdtMint ? 'USDT' : 'token',
    amount: row.amount.toString(),
    expectedAmount: row.expectedAmount.toString(),
    surplus: row.surplus.toString(),
    status: row.status,
    orderId: row.orderId,
    nftId: row.nftId,
    problems,
    reason: row.reason,
    ...settlement(row, problems),
    refundTransactionHash: row.refundTxHash,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Records that the money went back, with the refund's transaction hash. Only a payment the worker has
 * settled (finalized or rejected) can be marked: one still being verified could yet pay for its order.
 */
export async function markPaymentRefunded(
  deps: Deps,
  actor: AuditActor,
  input: { paymentId: string; refundTransactionHash: string; note?: string },
): Promise<TTreasuryRow> {
  const { t } = deps.db;
  const p = t.payments;
  return deps.db.withTransaction(async (tx) => {
    await lockRows(deps.db, tx, p, eq(p.id, input.paymentId));
    const [row] = await tx
      .select({ payment: p, orderStatus: t.orders.status, nftStatus: t.userNfts.status })
      .from(p)
      .leftJoin(t.orders, eq(t.orders.id, p.orderId))
      .leftJoin(t.userNfts, eq(t.userNfts.id, p.nftId))
      .where(eq(p.id, input.paymentId))
      .limit(1);
    if (!row) throw new NotFound('No payment has this id.', 'payment_not_found');
    const { payment } = row;
    if (payment.status === 'refunded')
      throw new PreconditionFailed(
        `This payment was already marked refunded (${payment.refundTxHash ?? 'no hash'}).`,
        'already_refunded',
      );
    if (payment.status === 'pending' || payment.status === 'accepted')
      throw new PreconditionFailed(
        'This payment is still being verified; mark it refunded once it is finalized or rejected.',
        'payment_unsettled',
      );
    const [updated] = await tx
      .update(p)
      .set({ status: 'refunded', refundTxHash: input.refundTransactionHash, updatedAt: deps.clock.now() })
      .where(and(eq(p.id, payment.id), eq(p.status, payment.status)))
      .returning();
    if (!updated) throw new Error('payment changed while it was locked');
    const before = toTreasuryRow(deps, payment, row.orderStatus, row.nftStatus);
    await recordAudit(deps, tx, actor, {
      action: 'payment.refunded',
      targetType: 'payment',
      targetId: payment.id,
      before: { status: payment.status, refundAmount: before.refundAmount, problems: before.problems },
      after: {
        status: 'refunded',
        refundTransactionHash: input.refundTransactionHash,
        note: input.note ?? null,
      },
    });
    return toTreasuryRow(deps, updated, row.orderStatus, row.nftStatus);
  });
}
