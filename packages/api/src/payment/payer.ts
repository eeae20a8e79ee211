import type { Database } from '@puffy/db';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { AppError, PreconditionFailed } from '../platform/errors';
import { firstRow } from '../trpc/first-row';

/**
 * The member's Solana wallet (their sign-in wallet, else their first linked one): the wallet that must
 * sign and pay, and that receives minted assets. SOON addresses are Solana addresses. `q` is the open
 * transaction's handle, or `deps.db.db` outside one; `whenMissing` is the refusal when there is none.
 */
export async function solanaWalletOf(
  deps: Deps,
  q: Database,
  member: { userId: string; whenMissing?: string },
): Promise<string> {
  const {
    userId,
    whenMissing = 'The gas fee is paid in SOL from a Solana wallet; link a Solana wallet first.',
  } = member;
  const { t } = deps.db;
  const user = await firstRow(
    q
      .select({ address: t.users.walletAddress, chain: t.users.walletChain })
      .from(t.users)
      .where(eq(t.users.id, userId)),
  );
  if (user?.chain === 'sol') return user.address;
  const [linked] = await q
    .select({ address: t.userWallets.address })
    .from(t.userWallets)
    .where(and(eq(t.userWallets.userId, userId), eq(t.userWallets.chain, 'sol')))
    .limit(1);
  if (!linked) {
    throw new PreconditionFailed(whenMissing, 'no_solana_wallet');
  }
  return linked.address;
}

/**
 * The member's Solana wallet, or null when they have none: settling a transaction passes over a claim or
 * an order whose member has no wallet, since no wallet of theirs can have paid it.
 */
export async function solanaWalletIfAny(deps: Deps, q: Database, userId: string): Promise<string | null> {
  try {
    return await solanaWalletOf(deps, q, { userId });
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}
