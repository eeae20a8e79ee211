import { isSolanaAddress } from '../addresses';
import { callJsonRpc, classifyFetchError, type FetchLike, parseWire } from './http-json';
import { type Clock, callResiliently, type ResilienceOptions } from './resilience';
import { TOKEN_PROGRAM_ID, ZDasAssetList, ZParsedTokenAccounts } from './solana-wire';
import { answer, HOLDINGS_PAGE_SIZE, HoldingsInputError, type NetworkHoldingsReader } from './types';
import { UpstreamError } from './upstream-error';

export interface SolanaHoldingsReaderOptions {
  rpcUrl: string;
  fetch: FetchLike;
  resilience: Omit<ResilienceOptions, 'classify'>;
  now: Clock;
  /** After an endpoint says it has no DAS, go straight to token accounts for this long. */
  dasRecheckMs?: number;
}

export type SolanaHoldingsReader = NetworkHoldingsReader;

const METHOD_NOT_FOUND = -32601;
const DEFAULT_DAS_RECHECK_MS = 10 * 60_000;

/**
 * Solana and SOON. DAS first: grouped by collection it also sees Metaplex Core and compressed NFTs,
 * which have no token accounts. Token accounts are the fallback for endpoints without DAS, and for
 * collections known by a mint list only (no collection to group by, so DAS finds nothing).
 *
 * Both paths are plain JSON-RPC over fetch rather than web3.js `Connection`: one transport means one
 * error classification (HTTP status, JSON-RPC code, abort on our deadline), whereas `Connection` retries
 * 429s on its own and reports failures as message strings without the status.
 */
export function createSolanaHoldingsReader(options: SolanaHoldingsReaderOptions): SolanaHoldingsReader {
  const { service } = options.resilience;
  const resilience: ResilienceOptions = {
    ...options.resilience,
    classify: classifyFetchError(service),
  };
  const rpc = (method: string, params: unknown) =>
    callResiliently(resilience, (signal) =>
      callJsonRpc({ fetch: options.fetch, service, url: options.rpcUrl, signal }, method, params),
    );
  const recheckMs = options.dasRecheckMs ?? DEFAULT_DAS_RECHECK_MS;
  let skipDasUntil = Number.NEGATIVE_INFINITY;

  const countByDas = async (wallet: string, collection: string): Promise<number> => {
    const result = await rpc('searchAssets', {
      ownerAddress: wallet,
      grouping: ['collection', collection],
      burnt: false,
      page: 1,
      limit: HOLDINGS_PAGE_SIZE,
    });
    const list = parseWire(service, ZDasAssetList, result, 'a searchAssets result');
    // Re-checked here so that an indexer which ignores a filter cannot turn someone else's NFT into a "yes".
    return list.items.filter(
      (item) =>
        !item.burnt &&
        item.ownership.owner === wallet &&
        item.grouping.some((group) => group.group_key === 'collection' && group.group_value === collection),
    ).length;
  };

  const countByTokenAccounts = async (wallet: string, mints: ReadonlySet<string>): Promise<number> => {
    const result = await rpc('getTokenAccountsByOwner', [
      wallet,
      { programId: TOKEN_PROGRAM_ID },
      { encoding: 'jsonParsed', commitment: 'confirmed' },
    ]);
    const accounts = parseWire(service, ZParsedTokenAccounts, result, 'a getTokenAccountsByOwner result');
    return accounts.value.filter(({ account }) => {
      const { info } = account.data.parsed;
      return (
        mints.has(info.mint) &&
        (info.owner === undefined || info.owner === wallet) &&
        info.tokenAmount.amount === '1' &&
        info.tokenAmount.decimals === 0
      );
    }).length;
  };

  return {
    async holds(wallet, collection) {
      if (!isSolanaAddress(wallet))
        throw new HoldingsInputError('wallet', 'The wallet is not a Solana address.');
      if (!isSolanaAddress(collection.address)) {
        throw new HoldingsInputError('collection', 'The collection is not a Solana address.');
      }
      const mintList = collection.mints ?? [];
      if (!mintList.every(isSolanaAddress)) {
        throw new HoldingsInputError('mints', 'Every mint of the collection must be a Solana address.');
      }
      if (options.now() >= skipDasUntil) {
        try {
          const count = await countByDas(wallet, collection.address);
          if (count > 0 || mintList.length === 0) return answer(count, 'das');
        } catch (error) {
          if (!(error instanceof UpstreamError && error.rpcCode === METHOD_NOT_FOUND)) throw error;
          skipDasUntil = options.now() + recheckMs;
        }
      }
      const mints = new Set([collection.address, ...mintList]);
      return answer(await countByTokenAccounts(wallet, mints), 'token_accounts');
    },
  };
}
