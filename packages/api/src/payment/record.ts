import type { TNetwork, TPaymentPurpose, TPaymentStatus } from '@puffy/contracts';
import { type Database, violatedConstraint } from '@puffy/db';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { Conflict } from '../platform/errors';

/** A transfer to the treasury as the chain shows it, and what it was expected to pay. */
interface TreasuryTransfer {
  purpose: TPaymentPurpose;
  network: TNetwork;
  transactionHash: string;
  /** The transaction's fee payer: whom a refund goes back to. */
  payer: string;
  recipient: string;
  /** Null for SOL; the SPL mint otherwise. */
  tokenMint: string | null;
  /** What reached the treasury; 0 while the transaction is not visible yet (`pending`). */
  amount: bigint;
  /** What the claim or order it pays costs; 0 when it names none. */
  expectedAmount: bigint;
}

/** A transfer's own columns of its payments row. */
const transferColumns = (transfer: TreasuryTransfer) => ({
  purpose: transfer.purpose,
  network: transfer.network,
  transactionHash: transfer.transactionHash,
  payer: transfer.payer,
  recipient: transfer.recipient,
  tokenMint: transfer.tokenMint,
  amount: transfer.amount,
  expectedAmount: transfer.expectedAmount,
});

export interface PaymentRecord extends TreasuryTransfer {
  status: Extract<TPaymentStatus, 'pending' | 'accepted' | 'finalized'>;
  nftId?: number;
  orderId?: string;
  blockTime?: Date | null;
}

export type PaymentRow = typeof import('@puffy/db').pg.payments.$inferSelect;

/**
 * Records a treasury payment inside the caller's transaction, for an NFT gas fee or an order. The
 * transaction hash is unique in the table, so one payment pays for one thing only, whichever server
 * instance records it first; the loser gets CONFLICT and its transaction rolls back. The surplus (paid
 * beyond the expected amount) is kept for the treasury reconciliation's refunds.
 */
export async function recordPayment(deps: Deps, tx: Database, record: PaymentRecord): Promise<PaymentRow> {
  const now = deps.clock.now();
  const surplus = record.amount > record.expectedAmount ? record.amount - record.expectedAmount : 0n;
  try {
    const [row] = await tx
      .insert(deps.db.t.payments)
      .values({
        ...transferColumns(record),
        surplus,
        status: record.status,
        nftId: record.nftId ?? null,
        orderId: record.orderId ?? null,
        blockTime: record.blockTime ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('payments insert returned no row');
    return row;
  } catch (error) {
    if (violatedConstraint(error)?.kind === 'unique') {
      throw new Conflict('This transaction was already used to pay for something else.', 'payment_reused');
    }
    throw error;
  }
}

export interface PaymentUpdate {
  status: TPaymentStatus;
  amount?: bigint;
  blockTime?: Date | null;
  reason?: string | null;
}

/**
 * Moves a recorded payment on (pending → accepted → finalized, or → rejected with a reason), only from
 * the status the caller read, so two workers settling the same payment change it once. Returns false
 * when the payment was no longer in `from`.
 */
export async function updatePayment(
  deps: Deps,
  tx: Database,
  transactionHash: string,
  from: TPaymentStatus,
  update: PaymentUpdate,
): Promise<boolean> {
  const p = deps.db.t.payments;
  const [current] = await tx
    .select({ expected: p.expectedAmount })
    .from(p)
    .where(eq(p.transactionHash, transactionHash))
    .limit(1);
  if (!current) return false;
  const surplus =
    update.amount === undefined
      ? undefined
      : update.amount > current.expected
        ? update.amount - current.expected
        : 0n;
  const moved = await tx
    .update(p)
    .set({
      status: update.status,
      ...(update.amount === undefined ? {} : { amount: update.amount, surplus }),
      ...(update.blockTime === undefined ? {} : { blockTime: update.blockTime }),
      ...(update.reason === undefined ? {} : { reason: update.reason }),
      updatedAt: deps.clock.now(),
    })
    .where(and(eq(p.transactionHash, transactionHash), eq(p.status, from)))
    .returning({ id: p.id });
  return moved.length > 0;
}

/** The payment recorded for a transaction, or null; `q` is the open transaction's handle, or `deps.db.db`. */
export async function paymentByHash(deps: Deps, q: Database, transactionHash: string) {
  const p = deps.db.t.payments;
  const [row] = await q.select().from(p).where(eq(p.transactionHash, transactionHash)).limit(1);
  return row ?? null;
}

export interface RefusedPayment extends TreasuryTransfer {
  /** The claim or order its memo and reference name, if any: never whoever reported it. */
  nftId?: number | null;
  orderId?: string | null;
  blockTime: Date | null;
  /** Why it paid nothing, in words for the operator who refunds it and the member who asks. */
  reason: string;
}

/**
 * Keeps on the books a payment that reached the treasury and paid nothing (too little, too late, for
 * a claim or order that no longer wants it, or for none at all), `rejected` with the reason, so that the
 * treasury reconciliation lists it for refund. The transaction can never pay anything else (its memo,
 * reference and time are fixed), so holding its hash costs nobody a payment. Recording it twice is a
 * no-op: the first record stands.
 */
export async function recordRefusedPayment(deps: Deps, tx: Database, payment: RefusedPayment): Promise<void> {
  const now = deps.clock.now();
  const p = deps.db.t.payments;
  await tx
    .insert(p)
    .values({
      ...transferColumns(payment),
      surplus: 0n,
      status: 'rejected',
      nftId: payment.nftId ?? null,
      orderId: payment.orderId ?? null,
      blockTime: payment.blockTime,
      reason: payment.reason,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: p.transactionHash });
}
