import { createHash } from 'node:crypto';
import type { TEligibilityWallet, TRequirementLeaf } from '@puffy/contracts';
import { type ChainDeps, lowerFirst, networkName, readChain, unavailableOn, walletsOn } from './chain-read';
import type { LeafOutcome } from './leaf-outcome';

type NftCountLeaf = Extract<TRequirementLeaf, { kind: 'nft_count' }>;

/** A count read live is reused this long: the same member checks again within seconds. */
const COUNT_TTL_MS = 20_000;

const nameOf = (leaf: NftCountLeaf) => leaf.collectionName ?? `the collection ${leaf.collectionAddress}`;

export const describeNftCount = (leaf: NftCountLeaf) =>
  `Hold ${leaf.min} NFT${leaf.min === 1 ? '' : 's'} of ${nameOf(leaf)} on ${networkName[leaf.network]}.`;

/**
 * At least `min` NFTs of the collection, summed over the member's wallets of the network's family, read
 * live through the holdings readers (packages/chains). An outage is `unavailable`, never a "no".
 */
export async function checkNftCount(
  deps: ChainDeps,
  leaf: NftCountLeaf,
  wallets: TEligibilityWallet[],
): Promise<LeafOutcome> {
  const candidates = walletsOn(leaf.network, wallets);
  if (candidates.length === 0) {
    return {
      state: 'failed',
      detail: `Connect a ${networkName[leaf.network]} wallet that can ${lowerFirst(describeNftCount(leaf))}`,
    };
  }
  let total = 0;
  let best: TEligibilityWallet | null = null;
  let bestCount = 0;
  let unavailable = false;
  for (const wallet of candidates) {
    const count = await countLive(deps, leaf, wallet.address);
    if (count === 'unavailable') {
      unavailable = true;
      continue;
    }
    total += count;
    if (count > bestCount) {
      best = wallet;
      bestCount = count;
    }
    if (total >= leaf.min) {
      return { state: 'passed', detail: `Holds ${total} of ${nameOf(leaf)}.`, wallet: best };
    }
  }
  if (unavailable) return unavailableOn(leaf.network);
  return {
    state: 'failed',
    detail: `Hold ${leaf.min - total} more of ${nameOf(leaf)} (holds ${total} of ${leaf.min}).`,
  };
}

async function countLive(
  deps: ChainDeps,
  leaf: NftCountLeaf,
  wallet: string,
): Promise<number | 'unavailable'> {
  const collection = { address: leaf.collectionAddress };
  const digest = createHash('sha256').update(JSON.stringify(collection)).digest('base64url');
  const key = `elig:count:${leaf.network}:${wallet}:${digest}`;
  const cached = await deps.store.get(key);
  if (cached !== null && /^\d+$/.test(cached)) return Number(cached);
  return readChain(deps, { network: leaf.network, leaf: 'NFT count' }, async () => {
    const answer = await deps.holdings.holds({ network: leaf.network, wallet, collection });
    await deps.store.set(key, String(answer.count), { ttlMs: COUNT_TTL_MS });
    return answer.count;
  });
}
