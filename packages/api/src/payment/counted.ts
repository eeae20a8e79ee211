import type { Deps } from '../deps';
import { AppError } from '../platform/errors';
import { type PaymentRow, paymentByHash } from './record';

/**
 * Pays a claim or order a transaction names through `accept`, while the target is still `new`
 * (`isNew` as read). A transaction reported twice at once is counted, not refused: when `accept`
 * meets a CONFLICT (the other report counted it first) or the target is no longer payable (read as
 * paid, or `accept` found it moved), the payment the other report recorded is the answer. 'accepted'
 * when this call paid; the payment recorded for the transaction otherwise, or null when there is none.
 */
export async function acceptOrFindCounted(
  deps: Deps,
  signature: string,
  isNew: boolean,
  accept: () => Promise<boolean>,
): Promise<'accepted' | PaymentRow | null> {
  if (isNew) {
    try {
      if (await accept()) return 'accepted';
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    }
  }
  return paymentByHash(deps, deps.db.db, signature);
}
