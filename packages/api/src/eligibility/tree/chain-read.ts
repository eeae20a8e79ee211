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
