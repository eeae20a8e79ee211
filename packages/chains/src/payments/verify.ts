import { decodeSolanaAddress } from '../addresses';
import { decodeMemo } from './instructions';
import { memoMatches, type PaymentMemo } from './memo';
import { type PaymentRefused, type PaymentVerification, refuse } from './result';
import { COMMITMENT_RANK, type PaymentTransaction } from './transaction';
import { type MatchedTransfer, matchSolTransfer, matchTokenTransfer, type TransferMatch } from './transfers';

export interface PaymentWindow {
  /** When the claim or order was created: a payment made earlier never counts. */
  notBefore: Date;
  /** When the payment window closes. */
  notAfter: Date;
}

/** What a payment must be. Addresses are base58; amounts are lamports or token base units. */
export interface PaymentExpectation {
  /** The member's wallet: fee payer, signer, and source of the transfer. */
  payer: string;
  /** The treasury wallet (for tokens, the owner of the receiving associated token account). */
  recipient: string;
  minAmount: bigint;
  memo: PaymentMemo;
  /** The claim's or order's Solana Pay reference key. */
  reference: string;
  window: PaymentWindow;
  commitment: 'confirmed' | 'finalized';
}

export interface TokenPaymentExpectation extends PaymentExpectation {
  mint: string;
  /** The mint's decimals, for the amounts in messages. */
  decimals: number;
  /** How messages name the token; defaults to "tokens". */
  symbol?: string;
}

function assertExpectation(expected: PaymentExpectation, mint?: string): void {
  const addresses = [expected.payer, expected.recipient, expected.reference, ...(mint ? [mint] : [])];
  if (addresses.some((address) => !decodeSolanaAddress(address))) {
    throw new TypeError('payment expectation: every address must be base58 of 32 bytes');
  }
  if (expected.minAmount <= 0n) throw new RangeError('payment expectation: minAmount must be positive');
  if (!(expected.window.notBefore.getTime() <= expected.window.notAfter.getTime())) {
    throw new RangeError('payment expectation: the window must not end before it starts');
  }
}

function checkPayer(tx: PaymentTransaction, payer: string): PaymentRefused | null {
  const feePayer = tx.accountKeys[0];
  if (feePayer?.address === payer && feePayer.signer) return null;
  return refuse(
    'wrong_payer',
    'This payment was signed and paid by another wallet; pay from the wallet you signed in with.',
  );
}

function checkReference(transfer: MatchedTransfer, reference: string): PaymentRefused | null {
  if (transfer.instructions.some((instruction) => instruction.accounts.includes(reference))) return null;
  return refuse(
    'reference_missing',
    "This payment does not carry this request's reference key, so it was made for something else.",
  );
}

function checkMemo(tx: PaymentTransaction, expected: PaymentMemo): PaymentRefused | null {
  const memos = tx.instructions.map(decodeMemo).filter((memo): memo is string => memo !== null);
  if (memos.length === 0)
    return refuse('memo_missing', `This payment carries no memo; it must carry ${JSON.stringify(expected)}.`);
  if (memos.some((memo) => memoMatches(memo, expected))) return null;
  return refuse(
    'memo_mismatch',
    `This payment's memo names another request; it must be exactly ${JSON.stringify(expected)}.`,
  );
}

/**
 * Block time has whole seconds, so the window's start is rounded down to its second: a payment in the
 * same second as the claim counts.
 */
function checkWindow(
  tx: PaymentTransaction,
  window: PaymentWindow,
): { ok: true; blockTime: Date } | PaymentRefused {
  const { blockTime } = tx;
  if (!blockTime) {
    return refuse(
      'outside_window',
      'The RPC does not say when this payment was made, so it cannot be placed in the payment window.',
    );
  }
  if (blockTime.getTime() < Math.floor(window.notBefore.getTime() / 1000) * 1000) {
    return refuse(
      'outside_window',
      'This payment was made before this request existed, so it cannot pay for it.',
    );
  }
  if (blockTime.getTime() > window.notAfter.getTime()) {
    return refuse('outside_window', 'This payment arrived after the payment window closed.');
  }
  return { ok: true, blockTime };
}

function checkCommitment(
  tx: PaymentTransaction,
  required: PaymentExpectation['commitment'],
): PaymentRefused | null {
  if (COMMITMENT_RANK[tx.confirmationStatus] >= COMMITMENT_RANK[required]) return null;
  if (required === 'finalized') {
    return refuse(
      'not_finalized',
      'This payment is confirmed but not final yet; it will be checked again shortly.',
    );
  }
  return refuse('not_found', 'This payment is not confirmed yet; it will be checked again shortly.');
}

/**
 * The checks in order: permanent faults first, so a transaction that can never count is refused at once
 * rather than waited on, and finality last (the one that clears by waiting).
 */
function verifyPayment(
  tx: PaymentTransaction | null,
  expected: PaymentExpectation,
  matchTransfer: (tx: PaymentTransaction) => TransferMatch,
  mint: string | null,
): PaymentVerification {
  if (!tx)
    return refuse('not_found', 'This transaction is not on the chain yet; it will be checked again shortly.');
  if (tx.err !== null) return refuse('failed', 'This transaction failed on the chain, so nothing was paid.');
  const payerRefusal = checkPayer(tx, expected.payer);
  if (payerRefusal) return payerRefusal;
  const transfer = matchTransfer(tx);
  if (!transfer.ok) return transfer;
  const refusal = checkReference(transfer, expected.reference) ?? checkMemo(tx, expected.memo);
  if (refusal) return refusal;
  const timing = checkWindow(tx, expected.window);
  if (!timing.ok) return timing;
  const finality = checkCommitment(tx, expected.commitment);
  if (finality) return finality;
  return {
    ok: true,
    signature: tx.signature,
    amount: transfer.amount,
    surplus: transfer.amount - expected.minAmount,
    blockTime: timing.blockTime,
    slot: tx.slot,
    payer: expected.payer,
    recipient: expected.recipient,
    mint,
  };
}

/**
 * Does this transaction pay `minAmount` lamports or more from the member to the treasury, for this
 * claim, in time? Never throws for a bad transaction (each fault is a reason); throws TypeError or
 * RangeError only for an expectation no payment could meet.
 */
export function verifySolPayment(
  tx: PaymentTransaction | null,
  expected: PaymentExpectation,
): PaymentVerification {
  assertExpectation(expected);
  return verifyPayment(tx, expected, (t) => matchSolTransfer(t, expected), null);
}

/** The same for an SPL token payment (USDT) into the treasury's associated token account. */
export function verifyTokenPayment(
  tx: PaymentTransaction | null,
  expected: TokenPaymentExpectation,
): PaymentVerification {
  assertExpectation(expected, expected.mint);
  const parties = { ...expected, symbol: expected.symbol ?? 'tokens' };
  return verifyPayment(tx, expected, (t) => matchTokenTransfer(t, parties), expected.mint);
}
