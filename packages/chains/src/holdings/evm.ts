import { createPublicClient, erc721Abi, erc1155Abi, http, type PublicClient } from 'viem';
import { normalizeEvmAddress } from '../addresses';
import { classifyEvmError } from './evm-errors';
import type { FetchLike } from './http-json';
import { callResiliently, type ResilienceOptions } from './resilience';
import { answer, type HoldingsCollection, HoldingsInputError, type NetworkHoldingsReader } from './types';

export interface EvmHoldingsReaderOptions {
  rpcUrl: string;
  fetch?: FetchLike;
  resilience: Omit<ResilienceOptions, 'classify'>;
}

export type EvmHoldingsReader = NetworkHoldingsReader;

/** A viem client for one chain and the resilience its calls go through. */
export function evmClient(options: EvmHoldingsReaderOptions): {
  client: PublicClient;
  resilience: ResilienceOptions;
} {
  const { service, timeoutMs } = options.resilience;
  // viem's own retries are off: ours wrap it, and two retry layers would multiply the attempts.
  const client: PublicClient = createPublicClient({
    transport: http(options.rpcUrl, { timeout: timeoutMs, retryCount: 0, fetchFn: options.fetch }),
  });
  return { client, resilience: { ...options.resilience, classify: (e) => classifyEvmError(service, e) } };
}

/** ERC-721 `balanceOf(owner)` or ERC-1155 `balanceOf(account, id)` through viem's readContract. */
export function createEvmHoldingsReader(options: EvmHoldingsReaderOptions): EvmHoldingsReader {
  const { client, resilience } = evmClient(options);

  return {
    async holds(wallet, collection) {
      const owner = normalizeEvmAddress(wallet);
      if (!owner) throw new HoldingsInputError('wallet', 'The wallet is not an EVM address.');
      const contract = normalizeEvmAddress(collection.address);
      if (!contract) {
        throw new HoldingsInputError('collection', 'The collection is not an EVM contract address.');
      }
      const tokenId = readTokenId(collection);
      const balance = await callResiliently(resilience, () =>
        tokenId === undefined
          ? client.readContract({
              address: contract,
              abi: erc721Abi,
              functionName: 'balanceOf',
              args: [owner],
            })
          : client.readContract({
              address: contract,
              abi: erc1155Abi,
              functionName: 'balanceOf',
              args: [owner, tokenId],
            }),
      );
      return answer(toCount(balance), 'evm');
    },
  };
}

const MAX_COUNT = BigInt(Number.MAX_SAFE_INTEGER);
const toCount = (balance: bigint): number => Number(balance > MAX_COUNT ? MAX_COUNT : balance);

/** The ERC-1155 token id, or undefined for ERC-721. */
function readTokenId(collection: HoldingsCollection): bigint | undefined {
  const standard = collection.standard ?? (collection.tokenId === undefined ? 'erc721' : 'erc1155');
  if (standard === 'erc721') {
    if (collection.tokenId !== undefined) {
      throw new HoldingsInputError('tokenId', 'A token id applies to ERC-1155 collections only.');
    }
    return undefined;
  }
  if (collection.tokenId === undefined || !/^\d{1,78}$/.test(collection.tokenId)) {
    throw new HoldingsInputError('tokenId', 'An ERC-1155 collection needs its token id as a decimal number.');
  }
  const id = BigInt(collection.tokenId);
  if (id >= 2n ** 256n) throw new HoldingsInputError('tokenId', 'The token id does not fit in uint256.');
  return id;
}
