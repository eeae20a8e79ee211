import { type TNetwork, ZNetwork } from '@puffy/contracts';
import type {
  BalanceAnswer,
  BalanceQuery,
  FirstActivityAnswer,
  FirstActivityQuery,
  NetworkAccountReader,
  TransactionCountAnswer,
  TransactionCountQuery,
} from './account-types';
import { createEvmHoldingsReader } from './evm';
import { createEvmAccountReader } from './evm-accounts';
import type { FetchLike } from './http-json';
import { type Clock, type ResilienceDefaults, type Sleep, tunedResilience } from './resilience';
import { createSolanaHoldingsReader } from './solana';
import { createSolanaAccountReader } from './solana-accounts';
import { createTonHoldingsReader } from './ton';
import { createTonAccountReader } from './ton-accounts';
import type { HoldingsAnswer, HoldingsQuery, NetworkHoldingsReader } from './types';
import { UpstreamError } from './upstream-error';

/** EIP-155 chain ids of the EVM networks; `EVM_RPC_URLS` is keyed by these. */
export const EVM_CHAIN_IDS = { eth: 1, berachain: 80094 } as const satisfies Partial<
  Record<TNetwork, number>
>;

export interface HoldingsReaderConfig {
  /** Chain id → JSON-RPC URL (SPEC: `EVM_RPC_URLS`). */
  evmRpcUrls: Record<number, string>;
  solanaRpcUrl?: string;
  soonRpcUrl?: string;
  tonApiUrl?: string;
  tonApiKey?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts after the first, on transient failures only. */
  retries?: number;
  backoff?: { baseDelayMs?: number; maxDelayMs?: number };
  /** One breaker per upstream. */
  breaker?: { failureThreshold?: number; cooldownMs?: number };
  fetch?: FetchLike;
  now?: Clock;
  random?: () => number;
  sleep?: Sleep;
  /** Solana and SOON: how long to skip DAS after an endpoint said it has none. */
  dasRecheckMs?: number;
}

export interface HoldingsReader {
  /**
   * Whether `wallet` holds an NFT of `collection` on `network`, asked live. Throws UpstreamError when
   * the network cannot be asked now (never answers "no" for an outage) and HoldingsInputError for an
   * address that cannot exist on that network.
   */
  holds(query: HoldingsQuery): Promise<HoldingsAnswer>;
  /** A wallet's balance of a token (or the native one), in the token's smallest units. Throws as `holds`. */
  balance(query: BalanceQuery): Promise<BalanceAnswer>;
  /** How many transactions the wallet has, counted up to `atLeast`. Throws as `holds`. */
  transactionCount(query: TransactionCountQuery): Promise<TransactionCountAnswer>;
  /** The wallet's first transaction, or one at or before `before`. Throws as `holds`. */
  firstActivity(query: FirstActivityQuery): Promise<FirstActivityAnswer>;
}

// Worst case with these defaults: 3 attempts of 3 s plus under 1 s of backoff, inside the SPA's 15 s.
const DEFAULTS: ResilienceDefaults = {
  timeoutMs: 3_000,
  retries: 2,
  baseDelayMs: 150,
  maxDelayMs: 1_000,
  failureThreshold: 5,
  cooldownMs: 30_000,
};

export function createHoldingsReader(config: HoldingsReaderConfig): HoldingsReader {
  const fetchFn = config.fetch ?? globalThis.fetch;
  const now = config.now ?? Date.now;

  const resilienceFor = (service: string) => tunedResilience(service, config, DEFAULTS);

  // One resilience (and so one circuit breaker) per upstream, shared by its NFT and account readers.
  type Pair = { nfts: NetworkHoldingsReader; accounts: NetworkAccountReader };
  const evm = (network: keyof typeof EVM_CHAIN_IDS): Pair | undefined => {
    const rpcUrl = config.evmRpcUrls[EVM_CHAIN_IDS[network]];
    if (!rpcUrl) return undefined;
    const options = {
      rpcUrl: checkedUrl(rpcUrl, `EVM RPC URL for chain ${EVM_CHAIN_IDS[network]}`),
      fetch: fetchFn,
      resilience: resilienceFor(network),
    };
    return { nfts: createEvmHoldingsReader(options), accounts: createEvmAccountReader(options) };
  };
  const svm = (network: 'sol' | 'soon', rpcUrl: string | undefined): Pair | undefined => {
    if (!rpcUrl) return undefined;
    const options = {
      rpcUrl: checkedUrl(rpcUrl, `${network} RPC URL`),
      fetch: fetchFn,
      resilience: resilienceFor(network),
    };
    return {
      nfts: createSolanaHoldingsReader({ ...options, now, dasRecheckMs: config.dasRecheckMs }),
      accounts: createSolanaAccountReader(options),
    };
  };
  const ton = (): Pair | undefined => {
    if (!config.tonApiUrl) return undefined;
    const options = {
      apiUrl: checkedUrl(config.tonApiUrl, 'TON API URL'),
      apiKey: config.tonApiKey,
      fetch: fetchFn,
      resilience: resilienceFor('ton'),
    };
    return { nfts: createTonHoldingsReader(options), accounts: createTonAccountReader(options) };
  };

  const readers: Record<TNetwork, Pair | undefined> = {
    eth: evm('eth'),
    berachain: evm('berachain'),
    sol: svm('sol', config.solanaRpcUrl),
    soon: svm('soon', config.soonRpcUrl),
    ton: ton(),
  };

  const readerFor = (value: TNetwork): Pair => {
    const network = ZNetwork.parse(value);
    const reader = readers[network];
    if (!reader) {
      throw new UpstreamError({
        kind: 'unavailable',
        service: network,
        retryable: false,
        message: `Live holdings checks for ${network} are not configured on this server.`,
      });
    }
    return reader;
  };

  return {
    holds: async (query) => readerFor(query.network).nfts.holds(query.wallet, query.collection),
    balance: async (query) => readerFor(query.network).accounts.balance(query.wallet, query.token),
    transactionCount: async (query) =>
      readerFor(query.network).accounts.transactionCount(query.wallet, query.atLeast),
    firstActivity: async (query) =>
      readerFor(query.network).accounts.firstActivity(query.wallet, query.before),
  };
}

/** A misconfigured endpoint is a start-up error, not something to discover on the first member's check. */
function checkedUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${what} is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`${what} must be http(s).`);
  return value;
}
