import bs58 from 'bs58';
import { z } from 'zod';
import { decodeSolanaAddress } from '../addresses';
import { badResponse } from '../holdings/http-json';
import type { PaymentVerification } from './result';
import type { SolanaRpc } from './rpc';
import { type PaymentTransaction, toPaymentTransaction } from './transaction';
import type { PaymentExpectation, PaymentWindow, TokenPaymentExpectation } from './verify';
import { verifySolPayment, verifyTokenPayment } from './verify';
import type { TCommitment, TSignatureStatus } from './wire';

/** A transaction signature (the "transaction hash" members report): base58 of 64 bytes. */
export const ZTransactionSignature = z
  .string()
  .min(64)
  .max(88)
  .refine(
    (value) => bs58.decodeUnsafe(value)?.length === 64,
    'must be a base58 Solana transaction signature',
  );

function statusOf(status: TSignatureStatus | null | undefined): TCommitment | null {
  if (!status) return null;
  if (status.confirmationStatus) return status.confirmationStatus;
  // Older nodes leave confirmationStatus out; confirmations is null once the block is rooted.
  if (status.confirmations === null) return 'finalized';
  return status.confirmations > 0 ? 'confirmed' : 'processed';
}

/**
 * The transaction as the payment checks read it, with how final it is, or null when the node does not
 * show it at `confirmed` yet. A malformed signature names no transaction, so it is null too. Throws
 * UpstreamError when the RPC cannot answer.
 */
export async function loadPaymentTransaction(
  rpc: SolanaRpc,
  signature: string,
): Promise<PaymentTransaction | null> {
  if (!ZTransactionSignature.safeParse(signature).success) return null;
  // Both reads settle before the load answers: with Promise.all a failed read answered while its sibling
  // was still retrying, and that stray call then spent one of the breaker's half-open probes meant for
  // the next attempt (docs/product/payments.md).
  const [wireRead, statusRead] = await Promise.allSettled([
    rpc.getTransaction(signature, { commitment: 'confirmed', encoding: 'json' }),
    rpc.getSignatureStatuses([signature], { searchTransactionHistory: true }),
  ]);
  if (wireRead.status === 'rejected') throw wireRead.reason;
  if (statusRead.status === 'rejected') throw statusRead.reason;
  const wire = wireRead.value;
  const statuses = statusRead.value;
  if (!wire) return null;
  // getTransaction at `confirmed` found it, so it is at least confirmed even if the status lags.
  const status = statusOf(statuses[0]);
  const tx = toPaymentTransaction(wire, status === 'finalized' ? 'finalized' : 'confirmed');
  if (!tx)
    throw badResponse(rpc.service, 'sent a transaction whose instructions point outside its account list.');
  return tx;
}

export interface PaymentCandidate {
  signature: string;
  slot: number;
  blockTime: Date | null;
  confirmationStatus: TCommitment | null;
}

export interface FindByReferenceOptions {
  /** Signatures per page (the RPC allows up to 1000). */
  pageSize?: number;
  /** A reference is public, so anyone may spam it; this bounds the pages read. */
  maxPages?: number;
}

/**
 * Transactions that carry `reference` and succeeded inside the window, oldest first: the way to find a
 * payment whose signature was never reported (the tab closed, or it was paid from a phone through a
 * Solana Pay QR code). Candidates still need verifying.
 */
export async function findPaymentByReference(
  rpc: SolanaRpc,
  reference: string,
  window: PaymentWindow,
  options: FindByReferenceOptions = {},
): Promise<PaymentCandidate[]> {
  if (!decodeSolanaAddress(reference)) throw new TypeError('reference must be a base58 public key');
  const pageSize = options.pageSize ?? 1000;
  const maxPages = options.maxPages ?? 5;
  const notBeforeSeconds = Math.floor(window.notBefore.getTime() / 1000);
  const candidates: PaymentCandidate[] = [];
  let before: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const infos = await rpc.getSignaturesForAddress(reference, {
      limit: pageSize,
      commitment: 'confirmed',
      ...(before ? { before } : {}),
    });
    for (const info of infos) {
      const blockTime = typeof info.blockTime === 'number' ? info.blockTime : null;
      const inWindow =
        blockTime === null ||
        (blockTime >= notBeforeSeconds && blockTime * 1000 <= window.notAfter.getTime());
      if (info.err === null && inWindow) {
        candidates.push({
          signature: info.signature,
          slot: info.slot,
          blockTime: blockTime === null ? null : new Date(blockTime * 1000),
          confirmationStatus: info.confirmationStatus ?? null,
        });
      }
    }
    const oldest = infos.at(-1);
    const passedWindowStart = typeof oldest?.blockTime === 'number' && oldest.blockTime < notBeforeSeconds;
    if (!oldest || infos.length < pageSize || passedWindowStart) break;
    before = oldest.signature;
  }
  return candidates.sort((a, b) => a.slot - b.slot);
}

export type ReferencedPayment =
  | { kind: 'sol'; expected: PaymentExpectation }
  | { kind: 'token'; expected: TokenPaymentExpectation };

/**
 * The first candidate found by the reference that passes every check. When none does: a candidate that
 * is only waiting for finality wins (the caller should wait, not give up), else the last refusal, else
 * `not_found`. Checking that the signature was never accepted before stays with the caller, which owns
 * the database.
 */
export async function findVerifiedPayment(
  rpc: SolanaRpc,
  payment: ReferencedPayment,
  options: FindByReferenceOptions = {},
): Promise<PaymentVerification> {
  const { expected } = payment;
  const candidates = await findPaymentByReference(rpc, expected.reference, expected.window, options);
  let best: PaymentVerification = {
    ok: false,
    reason: 'not_found',
    message: 'No payment carrying this reference has reached the chain.',
  };
  for (const candidate of candidates) {
    const tx = await loadPaymentTransaction(rpc, candidate.signature);
    const verdict =
      payment.kind === 'sol'
        ? verifySolPayment(tx, payment.expected)
        : verifyTokenPayment(tx, payment.expected);
    if (verdict.ok) return verdict;
    if (best.ok || best.reason !== 'not_finalized') best = verdict;
  }
  return best;
}
