import type { BalanceAnswer } from '@puffy/chains';
import {
  NATIVE_TOKEN,
  type TEligibilityWallet,
  type TTokenBalanceLeaf,
  tokenDecimalsOf,
  tokenMinUnits,
  unitsToDecimal,
} from '@puffy/contracts';
import {
  type ChainDeps,
  cachedChainRead,
  lowerFirst,
  networkName,
  sumOverWallets,
  unavailableOn,
  walletsOn,
} from './chain-read';
import type { LeafOutcome } from './leaf-outcome';

/** A balance read live is reused this long, as an NFT count is: the same member checks again within seconds. */
const BALANCE_TTL_MS = 20_000;

/** "SOL", "PUFF", or "of the token <address>" when the operator gave no symbol. */
const tokenName = (leaf: TTokenBalanceLeaf) =>
  leaf.tokenSymbol ??
  (leaf.tokenAddress === undefined ? NATIVE_TOKEN[leaf.network].symbol : `of the token ${leaf.tokenAddress}`);

export const describeTokenBalance = (leaf: TTokenBalanceLeaf) =>
  `Hold ${leaf.minAmount} ${tokenName(leaf)} on ${networkName[leaf.network]}.`;

/**
 * At least `minAmount` of the token, summed over the member's wallets of the network's family, compared
 * in the token's smallest units (bigint, never a float). An outage is `unavailable`; a chain that states
 * other decimals than the operator's fails the leaf as misconfigured rather than compare wrong amounts.
 */
export async function checkTokenBalance(
  deps: ChainDeps,
  leaf: TTokenBalanceLeaf,
  wallets: TEligibilityWallet[],
): Promise<LeafOutcome> {
  const candidates = walletsOn(leaf.network, wallets);
  if (candidates.length === 0) {
    return {
      state: 'failed',
      detail: `Connect a wallet that can ${lowerFirst(describeTokenBalance(leaf))}`,
    };
  }
  const decimals = tokenDecimalsOf(leaf);
  const need = tokenMinUnits(leaf);
  const amount = (units: bigint) => unitsToDecimal(units, decimals);
  let misconfigured = false;
  const sum = await sumOverWallets(candidates, need, async (wallet) => {
    const read = await balanceLive(deps, leaf, wallet.address);
    if (read === 'unavailable' || read.decimals === undefined || read.decimals === decimals) {
      return read === 'unavailable' ? read : read.units;
    }
    deps.logger.warn(
      { network: leaf.network, token: leaf.tokenAddress, stated: decimals, chain: read.decimals },
      'token balance leaf states other decimals than the chain',
    );
    misconfigured = true;
    // Stops the sum: no amount of this token can be compared with the leaf's.
    return need;
  });
  if (misconfigured) {
    return {
      state: 'failed',
      detail: `This requirement is misconfigured: ${lowerFirst(describeTokenBalance(leaf))}`,
    };
  }
  if (sum.reached)
    return { state: 'passed', detail: `Holds ${amount(sum.total)} ${tokenName(leaf)}.`, wallet: sum.best };
  if (sum.unavailable) return unavailableOn(leaf.network);
  return {
    state: 'failed',
    detail: `Hold ${amount(need - sum.total)} more ${tokenName(leaf)} on ${networkName[leaf.network]} (holds ${amount(sum.total)} of ${leaf.minAmount}).`,
  };
}

async function balanceLive(
  deps: ChainDeps,
  leaf: TTokenBalanceLeaf,
  wallet: string,
): Promise<BalanceAnswer | 'unavailable'> {
  const token = leaf.tokenAddress ?? null;
  return cachedChainRead(
    deps,
    {
      network: leaf.network,
      leaf: 'token balance',
      key: `elig:balance:${leaf.network}:${wallet}:${token ?? 'native'}`,
    },
    {
      encode: (answer) =>
        answer.decimals === undefined ? `${answer.units}` : `${answer.units}:${answer.decimals}`,
      decode: (stored) => {
        const match = /^(\d+)(?::(\d+))?$/.exec(stored);
        if (!match?.[1]) return null;
        return match[2] === undefined
          ? { units: BigInt(match[1]) }
          : { units: BigInt(match[1]), decimals: Number(match[2]) };
      },
      ttlMs: () => BALANCE_TTL_MS,
    },
    () => deps.holdings.balance({ network: leaf.network, wallet, token }),
  );
}
