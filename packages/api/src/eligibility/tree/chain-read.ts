import { HoldingsInputError, isUpstreamError } from '@puffy/chains';
import type { TEligibilityWallet, TNetwork } from '@puffy/contracts';
import type { Deps } from '../../deps';
import { BadInput } from '../../platform/errors';
import { walletChainOf } from '../wallets';

export type ChainDeps = Pick<Deps, 'store' | 'holdings' | 'logger'>;

export const networkName: Record<TNetwork, string> = {
  eth: 'Ethereum',
  berachain: 'Berachain',
  sol: 'Solana',
  soon: 'SOON',
  ton: 'TON',
};

/** The subject's wallets a leaf on `network` can read: those of the network's family. */
export const walletsOn = (network: TNetwork, wallets: TEligibilityWallet[]) =>
  wallets.filter((w) => w.chain === walletChainOf[network]);

export const unavailableOn = (network: TNetwork) => ({
  state: 'unavailable' as const,
  detail: `Could not ask ${networkName[network]} right now; try again in a moment.`,
});

/**
 * One live chain read for a leaf: an outage (or a chain not configured here) is `unavailable`, never a
 * "no"; an address no chain could answer for is the caller's bad input.
 */
export async function readChain<T>(
  deps: ChainDeps,
  what: { network: TNetwork; leaf: string },
  read: () => Promise<T>,
): Promise<T | 'unavailable'> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof HoldingsInputError) {
      throw new BadInput(error.message, { [error.field]: [error.message] }, 'invalid_holdings_query');
    }
    if (isUpstreamError(error)) {
      deps.logger.warn(
        { err: error, network: what.network, kind: error.kind },
        `live ${what.leaf} unavailable`,
      );
      return 'unavailable';
    }
    throw error;
  }
}

export const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A live chain read reused from the store while fresh: `decode` refuses a stored value it cannot read
 * (then the chain is asked), `ttlMs` says how long an answer may stand.
 */
export async function cachedChainRead<T>(
  deps: ChainDeps,
  what: { network: TNetwork; leaf: string; key: string },
  codec: { encode(value: T): string; decode(stored: string): T | null; ttlMs(value: T): number },
  read: () => Promise<T>,
): Promise<T | 'unavailable'> {
  const stored = await deps.store.get(what.key);
  const cached = stored === null ? null : codec.decode(stored);
  if (cached !== null) return cached;
  return readChain(deps, what, async () => {
    const value = await read();
    await deps.store.set(what.key, codec.encode(value), { ttlMs: codec.ttlMs(value) });
    return value;
  });
}

export type WalletSum =
  | { reached: true; total: bigint; best: TEligibilityWallet | null }
  | { reached: false; total: bigint; unavailable: boolean };

/**
 * Adds up what each wallet holds until `need` is reached (the rest are not asked). A wallet whose chain
 * did not answer is skipped: the sum of the others may still reach `need`, else the answer is unknown.
 */
export async function sumOverWallets(
  wallets: TEligibilityWallet[],
  need: bigint,
  read: (wallet: TEligibilityWallet) => Promise<bigint | 'unavailable'>,
): Promise<WalletSum> {
  let total = 0n;
  let best: TEligibilityWallet | null = null;
  let bestAmount = 0n;
  let unavailable = false;
  for (const wallet of wallets) {
    const amount = await read(wallet);
    if (amount === 'unavailable') {
      unavailable = true;
      continue;
    }
    total += amount;
    if (amount > bestAmount) {
      best = wallet;
      bestAmount = amount;
    }
    if (total >= need) return { reached: true, total, best };
  }
  return { reached: false, total, unavailable };
}
