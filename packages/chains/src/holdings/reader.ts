import { type TNetwork, ZNetwork } from '@puffy/contracts';
import { createEvmHoldingsReader } from './evm';
import type { FetchLike } from './http-json';
import { type Clock, type ResilienceDefaults, type Sleep, tunedResilience } from './resilience';
import { createSolanaHoldingsReader } from './solana';
import { createTonHoldingsReader } from './ton';
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

  const evm = (network: keyof typeof EVM_CHAIN_IDS): NetworkHoldingsReader | undefined => {
    const rpcUrl = config.evmRpcUrls[EVM_CHAIN_IDS[network]];
    if (!rpcUrl) return undefined;
    return createEvmHoldingsReader({
      rpcUrl: checkedUrl(rpcUrl, `EVM RPC URL for chain ${EVM_CHAIN_IDS[network]}`),
      fetch: fetchFn,
      resilience: resilienceFor(network),
    });
  };
  const svm = (network: 'sol' | 'soon', rpcUrl: string | undefined): NetworkHoldingsReader | undefined => {
    if (!rpcUrl) return undefined;
    return createSolanaHoldingsReader({
      rpcUrl: checkedUrl(rpcUrl, `${network} RPC URL`),
      fetch: fetchFn,
      resilience: resilienceFor(network),
      now,
      dasRecheckMs: config.dasRecheckMs,
    });
  };
  const ton = (): NetworkHoldingsReader | undefined => {
    if (!config.tonApiUrl) return undefined;
    return createTonHoldingsReader({
      apiUrl: checkedUrl(config.tonApiUrl, 'TON API URL'),
      apiKey: config.tonApiKey,
      fetch: fetchFn,
      resilience: resilienceFor('ton'),
    });
  };

  const readers: Record<TNetwork, NetworkHoldingsReader | undefined> = {
    eth: evm('eth'),
    berachain: evm('berachain'),
    sol: svm('sol', config.solanaRpcUrl),
    soon: svm('soon', config.soonRpcUrl),
    ton: ton(),
  };

  return {
    async holds(query) {
      const network = ZNetwork.parse(query.network);
      const reader = readers[network];
      if (!reader) {
        throw new UpstreamError({
          kind: 'unavailable',
          service: network,
          retryable: false,
          message: `Live holdings checks for ${network} are not configured on this server.`,
        });
      }
      return reader.holds(query.wallet, query.collection);
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
