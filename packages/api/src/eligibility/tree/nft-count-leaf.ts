import { createHash } from 'node:crypto';
import type { TEligibilityWallet, TRequirementLeaf } from '@puffy/contracts';
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
  const sum = await sumOverWallets(candidates, BigInt(leaf.min), async (wallet) => {
    const count = await countLive(deps, leaf, wallet.address);
    return count === 'unavailable' ? count : BigInt(count);
  });
  if (sum.reached)
    return { state: 'passed', detail: `Holds ${sum.total} of ${nameOf(leaf)}.`, wallet: sum.best };
  if (sum.unavailable) return unavailableOn(leaf.network);
  return {
    state: 'failed',
    detail: `Hold ${BigInt(leaf.min) - sum.total} more of ${nameOf(leaf)} (holds ${sum.total} of ${leaf.min}).`,
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
  return cachedChainRead(
    deps,
    { network: leaf.network, leaf: 'NFT count', key },
    { encode: String, decode: (v) => (/^\d+$/.test(v) ? Number(v) : null), ttlMs: () => COUNT_TTL_MS },
    async () => (await deps.holdings.holds({ network: leaf.network, wallet, collection })).count,
  );
}
