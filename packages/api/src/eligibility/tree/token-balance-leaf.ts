import {
  NATIVE_TOKEN,
  type TEligibilityWallet,
  type TTokenBalanceLeaf,
  tokenDecimalsOf,
  tokenMinUnits,
  unitsToDecimal,
} from '@puffy/contracts';
import { type ChainDeps, lowerFirst, networkName, readChain, unavailableOn, walletsOn } from './chain-read';
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
  let total = 0n;
  let best: TEligibilityWallet | null = null;
  let bestUnits = 0n;
  let unavailable = false;
  for (const wallet of candidates) {
    const read = await balanceLive(deps, leaf, wallet.address);
    if (read === 'unavailable') {
      unavailable = true;
      continue;
    }
    if (read.decimals !== undefined && read.decimals !== decimals) {
      deps.logger.warn(
        { network: leaf.network, token: leaf.tokenAddress, stated: decimals, chain: read.decimals },
        'token balance leaf states other decimals than the chain',
      );
      return {
        state: 'failed',
        detail: `This requirement is misconfigured: ${lowerFirst(describeTokenBalance(leaf))}`,
      };
    }
    total += read.units;
    if (read.units > bestUnits) {
      best = wallet;
      bestUnits = read.units;
    }
    if (total >= need) {
      return { state: 'passed', detail: `Holds ${amount(total)} ${tokenName(leaf)}.`, wallet: best };
    }
  }
  if (unavailable) return unavailableOn(leaf.network);
  return {
    state: 'failed',
    detail: `Hold ${amount(need - total)} more ${tokenName(leaf)} on ${networkName[leaf.network]} (holds ${amount(total)} of ${leaf.minAmount}).`,
  };
}

async function balanceLive(
  deps: ChainDeps,
  leaf: TTokenBalanceLeaf,
  wallet: string,
): Promise<{ units: bigint; decimals?: number } | 'unavailable'> {
  const token = leaf.tokenAddress ?? null;
  const key = `elig:balance:${leaf.network}:${wallet}:${token ?? 'native'}`;
  const cached = await deps.store.get(key);
  const match = cached === null ? null : /^(\d+)(?::(\d+))?$/.exec(cached);
  if (match?.[1]) {
    return match[2] === undefined
      ? { units: BigInt(match[1]) }
      : { units: BigInt(match[1]), decimals: Number(match[2]) };
  }
  return readChain(deps, { network: leaf.network, leaf: 'token balance' }, async () => {
    const answer = await deps.holdings.balance({ network: leaf.network, wallet, token });
    const value = answer.decimals === undefined ? `${answer.units}` : `${answer.units}:${answer.decimals}`;
    await deps.store.set(key, value, { ttlMs: BALANCE_TTL_MS });
    return answer;
  });
}
