import { isSolanaAddress, normalizeEvmAddress, normalizeTonAddress } from '@puffy/chains';
import type { TEligibilityWallet, TNetwork, TWalletChain } from '@puffy/contracts';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { BadInput } from '../platform/errors';

/** The wallet family that holds assets of each network. */
export const walletChainOf: Record<TNetwork, TWalletChain> = {
  eth: 'evm',
  berachain: 'evm',
  sol: 'sol',
  soon: 'sol',
  ton: 'ton',
};

/**
 * The one spelling snapshots, allow-lists and records use: EVM checksummed, Solana base58, TON raw
 * (`0:<hex>`). Null when the text is not an address of that family.
 */
export function canonicalAddress(chain: TWalletChain, address: string): string | null {
  const value = address.trim();
  if (chain === 'evm') return normalizeEvmAddress(value);
  if (chain === 'sol') return isSolanaAddress(value) ? value : null;
  return normalizeTonAddress(value)?.raw ?? null;
}

const familyName: Record<TWalletChain, string> = { evm: 'an EVM', sol: 'a Solana', ton: 'a TON' };

/** A wallet named in a request, in canonical form; bad input is a BAD_REQUEST with a field error. */
export function canonicalWallet(wallet: TEligibilityWallet, field = 'wallet'): TEligibilityWallet {
  const address = canonicalAddress(wallet.chain, wallet.address);
  if (!address) {
    const message = `This is not ${familyName[wallet.chain]} address.`;
    throw new BadInput(message, { [`${field}.address`]: [message] }, 'invalid_wallet');
  }
  return { chain: wallet.chain, address };
}

/**
 * Every wallet of a member (the sign-in wallet first), in canonical form: one statement, the member's
 * row joined to its linked wallets (docs/architecture.md, "Statement budgets").
 */
export async function memberWallets(deps: Pick<Deps, 'db'>, userId: string): Promise<TEligibilityWallet[]> {
  const { db, t } = deps.db;
  const rows = await db
    .select({
      chain: t.users.walletChain,
      address: t.users.walletAddress,
      linkedChain: t.userWallets.chain,
      linkedAddress: t.userWallets.address,
    })
    .from(t.users)
    .leftJoin(t.userWallets, eq(t.userWallets.userId, t.users.id))
    .where(eq(t.users.id, userId))
    .orderBy(t.userWallets.createdAt);
  const [user] = rows;
  const linked = rows.flatMap((r) =>
    r.linkedChain !== null && r.linkedAddress !== null
      ? [{ chain: r.linkedChain, address: r.linkedAddress }]
      : [],
  );
  const seen = new Set<string>();
  const wallets: TEligibilityWallet[] = [];
  for (const w of [...(user ? [user] : []), ...linked]) {
    const address = canonicalAddress(w.chain, w.address);
    if (!address || seen.has(`${w.chain}:${address}`)) continue;
    seen.add(`${w.chain}:${address}`);
    wallets.push({ chain: w.chain, address });
  }
  return wallets;
}
