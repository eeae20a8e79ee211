import { decodeMemo } from './instructions';
import { associatedTokenAddress } from './programs';
import type { PaymentTransaction } from './transaction';

/** Every memo the transaction carries, as text, in instruction order. */
export function memosOf(tx: PaymentTransaction): string[] {
  return tx.instructions.map(decodeMemo).filter((memo): memo is string => memo !== null);
}

/** The fee payer, who signed first: whom a refund of a payment that paid nothing goes back to. */
export const feePayerOf = (tx: PaymentTransaction): string | null => tx.accountKeys[0]?.address ?? null;

/**
 * What reached the treasury in this transaction, whatever it was for: the rise of the treasury's
 * lamports (SOL), or of its associated token account for `mint`. Zero when it failed or took money out.
 * This is the money a refused payment leaves in the treasury, to be given back.
 */
export function receivedByTreasury(tx: PaymentTransaction, treasury: string, mint: string | null): bigint {
  if (tx.err !== null) return 0n;
  const account = mint === null ? treasury : associatedTokenAddress(treasury, mint);
  const index = tx.accountKeys.findIndex((key) => key.address === account);
  if (index < 0) return 0n;
  let delta: bigint;
  if (mint === null) {
    delta = (tx.postBalances[index] ?? 0n) - (tx.preBalances[index] ?? 0n);
  } else {
    const at = (balances: PaymentTransaction['postTokenBalances']) =>
      balances.find((b) => b.accountIndex === index && b.mint === mint)?.amount ?? 0n;
    delta = at(tx.postTokenBalances) - at(tx.preTokenBalances);
  }
  return delta > 0n ? delta : 0n;
}
