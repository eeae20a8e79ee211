import { isSolanaAddress, normalizeEvmAddress, normalizeTonAddress } from '@puffy/chains';
import type { TEligibilityWallet, TNetwork, TWalletChain } from '@puffy/contracts';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { BadInput } from '../platform/errors';
import { memberColumns } from '../user/member-row';

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

/** Every wallet of a member (the sign-in wallet first), in canonical form. */
export async function memberWallets(deps: Pick<Deps, 'db'>, userId: string): Promise<TEligibilityWallet[]> {
  const { db, t } = deps.db;
  const user = await memberColumns(deps, db, userId, {
    chain: t.users.walletChain,
    address: t.users.walletAddress,
  });
  const linked = await db
    .select({ chain: t.userWallets.chain, address: t.userWallets.address })
    .from(t.userWallets)
    .where(eq(t.userWallets.userId, userId));
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
