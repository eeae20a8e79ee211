import type { TEligibilityWallet, TRequirementLeaf } from '@puffy/contracts';
import type { Clock } from '../../platform/clock';
import {
  type ChainDeps,
  cachedChainRead,
  lowerFirst,
  networkName,
  plural,
  readChain,
  unavailableOn,
  walletsOn,
} from './chain-read';
import type { LeafOutcome } from './leaf-outcome';

type WalletAgeLeaf = Extract<TRequirementLeaf, { kind: 'wallet_age' }>;
type TransactionCountLeaf = Extract<TRequirementLeaf, { kind: 'transaction_count' }>;
type HistoryDeps = ChainDeps & { clock: Clock };

const DAY_MS = 86_400_000;
/** A count read live is reused this long. */
const COUNT_TTL_MS = 60_000;
/**
 * A transaction at or before a time stays there: "the wallet is at least this old" never stops being
 * true, so it is kept long. A wallet without transactions is asked again soon.
 */
const OLDEST_TTL_MS = 7 * DAY_MS;
const NO_HISTORY_TTL_MS = 60_000;

export const describeWalletAge = (leaf: WalletAgeLeaf) =>
  `Use a wallet at least ${plural(leaf.minDays, 'day')} old on ${networkName[leaf.network]}.`;

export const describeTransactionCount = (leaf: TransactionCountLeaf) =>
  `Use a wallet with at least ${plural(leaf.min, 'transaction')} on ${networkName[leaf.network]}.`;

const noWallet = (network: TransactionCountLeaf['network'], describe: string): LeafOutcome => ({
  state: 'failed',
  detail: `Connect a wallet on ${networkName[network]}: ${lowerFirst(describe)}`,
});

/**
 * One of the member's wallets of the network's family is at least `minDays` old, by its first
 * transaction (what counts as one per network: docs/product/eligibility.md). Unknown when the chain does
 * not answer, never a guess.
 */
export async function checkWalletAge(
  deps: HistoryDeps,
  leaf: WalletAgeLeaf,
  wallets: TEligibilityWallet[],
): Promise<LeafOutcome> {
  const candidates = walletsOn(leaf.network, wallets);
  if (candidates.length === 0) return noWallet(leaf.network, describeWalletAge(leaf));
  const now = deps.clock.now().getTime();
  const cutoff = now - leaf.minDays * DAY_MS;
  let oldest: number | null = null;
  let unavailable = false;
  for (const wallet of candidates) {
    const seen = await oldestLive(deps, leaf, wallet.address, cutoff);
    if (seen === 'unavailable') {
      unavailable = true;
      continue;
    }
    if (seen !== null && seen <= cutoff) {
      return {
        state: 'passed',
        detail: `Has a wallet at least ${plural(leaf.minDays, 'day')} old on ${networkName[leaf.network]}.`,
        wallet,
      };
    }
    if (seen !== null) oldest = oldest === null ? seen : Math.min(oldest, seen);
  }
  if (unavailable) return unavailableOn(leaf.network);
  const age =
    oldest === null
      ? 'it has no transactions yet'
      : `the oldest is ${plural(Math.floor((now - oldest) / DAY_MS), 'day')} old`;
  return { state: 'failed', detail: `${describeWalletAge(leaf).replace(/\.$/, '')} (${age}).` };
}

/** The oldest transaction time known for the wallet (ms), read until one at or before `cutoff`. */
async function oldestLive(
  deps: HistoryDeps,
  leaf: WalletAgeLeaf,
  wallet: string,
  cutoff: number,
): Promise<number | null | 'unavailable'> {
  const key = `elig:oldest:${leaf.network}:${wallet}`;
  const cached = await deps.store.get(key);
  const entry = cached === null ? null : /^(none|\d+):(first|bound)$/.exec(cached);
  if (entry) {
    const at = entry[1] === 'none' ? null : Number(entry[1]);
    // A bound only says "at least this old": enough when it is old enough, else read further.
    if ((at !== null && at <= cutoff) || entry[2] === 'first') return at;
  }
  return readChain(deps, { network: leaf.network, leaf: 'wallet age' }, async () => {
    const answer = await deps.holdings.firstActivity({
      network: leaf.network,
      wallet,
      before: new Date(cutoff),
    });
    const at = answer.oldest?.getTime() ?? null;
    await deps.store.set(key, `${at ?? 'none'}:${answer.first ? 'first' : 'bound'}`, {
      ttlMs: at === null ? NO_HISTORY_TTL_MS : OLDEST_TTL_MS,
    });
    return at;
  });
}

/** One of the member's wallets of the network's family has at least `min` transactions. */
export async function checkTransactionCount(
  deps: ChainDeps,
  leaf: TransactionCountLeaf,
  wallets: TEligibilityWallet[],
): Promise<LeafOutcome> {
  const candidates = walletsOn(leaf.network, wallets);
  if (candidates.length === 0) return noWallet(leaf.network, describeTransactionCount(leaf));
  let most = 0;
  let unavailable = false;
  for (const wallet of candidates) {
    const count = await countLive(deps, leaf, wallet.address);
    if (count === 'unavailable') {
      unavailable = true;
      continue;
    }
    if (count >= leaf.min) {
      return {
        state: 'passed',
        detail: `Has a wallet with at least ${plural(leaf.min, 'transaction')} on ${networkName[leaf.network]}.`,
        wallet,
      };
    }
    most = Math.max(most, count);
  }
  if (unavailable) return unavailableOn(leaf.network);
  return {
    state: 'failed',
    detail: `Make ${plural(leaf.min - most, 'more transaction')} from a wallet on ${networkName[leaf.network]} (has ${most} of ${leaf.min}).`,
  };
}

async function countLive(
  deps: ChainDeps,
  leaf: TransactionCountLeaf,
  wallet: string,
): Promise<number | 'unavailable'> {
  return cachedChainRead(
    deps,
    {
      network: leaf.network,
      leaf: 'transaction count',
      key: `elig:txcount:${leaf.network}:${wallet}:${leaf.min}`,
    },
    { encode: String, decode: (v) => (/^\d+$/.test(v) ? Number(v) : null), ttlMs: () => COUNT_TTL_MS },
    async () =>
      (await deps.holdings.transactionCount({ network: leaf.network, wallet, atLeast: leaf.min })).count,
  );
}
