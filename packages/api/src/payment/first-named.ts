import type { PaymentAccepted, PaymentTransaction, PaymentVerification } from '@puffy/chains';
import type { Deps } from '../deps';
import { acceptOrFindCounted } from './counted';
import { solanaWalletIfAny } from './payer';
import { type PaymentRow, paymentByHash } from './record';

/** Why a transaction paid nothing, and the named order or claim it is recorded against. */
export interface Refusal<T> {
  target: T;
  reason: string;
}

/**
 * The search every settlement makes among the orders or claims a transaction names, in their order
 * (docs/product/payments.md). A transaction counted before is that payment. Otherwise a target whose
 * member has no Solana wallet is passed over, and the first one the transaction fully pays, while it is
 * still `new`, is paid (`accept`); a payment counted meanwhile by another run is answered as counted.
 * When none is paid, the first refusal stands: the verifier's reason, or `unpaid`'s for a target that
 * could no longer take the payment (null when no target was refused).
 */
export async function payFirstNamed<T extends { userId: string; status: string }>(
  deps: Deps,
  tx: PaymentTransaction,
  named: () => Promise<T[]>,
  target: {
    verify: (one: T, payer: string) => PaymentVerification;
    accept: (one: T, verdict: PaymentAccepted) => Promise<boolean>;
    unpaid: (one: T) => Promise<Refusal<T>>;
  },
): Promise<{ paid: T } | { counted: PaymentRow } | { refusal: Refusal<T> | null }> {
  const known = await paymentByHash(deps, deps.db.db, tx.signature);
  if (known) return { counted: known };
  let refusal: Refusal<T> | null = null;
  for (const one of await named()) {
    const payer = await solanaWalletIfAny(deps, deps.db.db, one.userId);
    if (payer === null) continue;
    const verdict = target.verify(one, payer);
    if (!verdict.ok) {
      refusal ??= { target: one, reason: verdict.message };
      continue;
    }
    const outcome = await acceptOrFindCounted(deps, tx.signature, one.status === 'new', () =>
      target.accept(one, verdict),
    );
    if (outcome === 'accepted') return { paid: one };
    if (outcome) return { counted: outcome };
    refusal ??= await target.unpaid(one);
  }
  return { refusal };
}
