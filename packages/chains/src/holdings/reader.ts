import { type TNetwork, ZNetwork } from '@puffy/contracts';
import { createEvmHoldingsReader } from './evm';
import type { FetchLike } from './http-json';
import { CircuitBreaker, type Clock, type ResilienceOptions, realSleep, type Sleep } from './resilience';
import { createSolanaHoldingsReader } from './solana';
import { createTonHoldingsReader } from './ton';
import type { HoldingsAnswer, HoldingsCollection, HoldingsQuery } from './types';
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
}

type NetworkReader = (wallet: string, collection: HoldingsCollection) => Promise<HoldingsAnswer>;

// Worst case with these defaults: 3 attempts of 3 s plus under 1 s of backoff, inside the SPA's 15 s.
const DEFAULTS = {
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
  const timeoutMs = config.timeoutMs ?? DEFAULTS.timeoutMs;

  const resilienceFor = (service: string): Omit<ResilienceOptions, 'classify'> => ({
    service,
    timeoutMs,
    retry: {
      retries: config.retries ?? DEFAULTS.retries,
      baseDelayMs: config.backoff?.baseDelayMs ?? DEFAULTS.baseDelayMs,
      maxDelayMs: config.backoff?.maxDelayMs ?? DEFAULTS.maxDelayMs,
      random: config.random,
      sleep: config.sleep ?? realSleep,
    },
    breaker: new CircuitBreaker({
      service,
      failureThreshold: config.breaker?.failureThreshold ?? DEFAULTS.failureThreshold,
      cooldownMs: config.breaker?.cooldownMs ?? DEFAULTS.cooldownMs,
      now,
    }),
  });

  const evm = (network: keyof typeof EVM_CHAIN_IDS): NetworkReader | undefined => {
    const rpcUrl = config.evmRpcUrls[EVM_CHAIN_IDS[network]];
    if (!rpcUrl) return undefined;
    const reader = createEvmHoldingsReader({
      rpcUrl: checkedUrl(rpcUrl, `EVM RPC URL for chain ${EVM_CHAIN_IDS[network]}`),
      fetch: fetchFn,
      resilience: resilienceFor(network),
    });
    return (wallet, collection) => reader.holds(wallet, collection);
  };
  const svm = (network: 'sol' | 'soon', rpcUrl: string | undefined): NetworkReader | undefined => {
    if (!rpcUrl) return undefined;
    const reader = createSolanaHoldingsReader({
      rpcUrl: checkedUrl(rpcUrl, `${network} RPC URL`),
      fetch: fetchFn,
      resilience: resilienceFor(network),
      now,
      dasRecheckMs: config.dasRecheckMs,
    });
    return (wallet, collection) => reader.holds(wallet, collection);
  };
  const ton = (): NetworkReader | undefined => {
    if (!config.tonApiUrl) return undefined;
    const reader = createTonHoldingsReader({
      apiUrl: checkedUrl(config.tonApiUrl, 'TON API URL'),
      apiKey: config.tonApiKey,
      fetch: fetchFn,
      resilience: resilienceFor('ton'),
    });
    return (wallet, collection) => reader.holds(wallet, collection);
  };

  const readers: Record<TNetwork, NetworkReader | undefined> = {
    eth: evm('eth'),
    berachain: evm('berachain'),
    sol: svm('sol', config.solanaRpcUrl),
    soon: svm('soon', config.soonRpcUrl),
    ton: ton(),
  };

  return {
    async holds(query) {
      const network = ZNetwork.parse(query.network);
      const read = readers[network];
      if (!read) {
        throw new UpstreamError({
          kind: 'unavailable',
          service: network,
          retryable: false,
          message: `Live holdings checks for ${network} are not configured on this server.`,
        });
      }
      return read(query.wallet, query.collection);
    },
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
