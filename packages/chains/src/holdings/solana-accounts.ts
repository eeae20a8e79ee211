import { z } from 'zod';
import { isSolanaAddress } from '../addresses';
import type { FirstActivityAnswer, NetworkAccountReader } from './account-types';
import { callJsonRpc, classifyFetchError, type FetchLike, parseWire } from './http-json';
import { callResiliently, type ResilienceOptions } from './resilience';
import { ZParsedTokenAccounts } from './solana-wire';
import { HoldingsInputError } from './types';
import { UpstreamError } from './upstream-error';

export interface SolanaAccountReaderOptions {
  rpcUrl: string;
  fetch: FetchLike;
  resilience: Omit<ResilienceOptions, 'classify'>;
}

/** `getBalance`: lamports as a JSON number (exact up to 2^53 lamports, about 9 million SOL). */
const ZBalance = z.object({ value: z.number().int().nonnegative() }).loose();

/** `getSignaturesForAddress`: newest first; `blockTime` is null when the node does not know it. */
const ZSignatures = z.array(
  z.object({ signature: z.string(), blockTime: z.number().int().nullable().optional() }).loose(),
);

/** The most signatures one `getSignaturesForAddress` call returns (the RPC's own maximum). */
export const SIGNATURES_PAGE = 1000;
/** Pages read looking for a wallet's first transaction before giving up (10,000 signatures). */
export const SIGNATURE_PAGES = 10;

/**
 * Solana and SOON balances and history over JSON-RPC: `getBalance` (lamports), `getTokenAccountsByOwner`
 * filtered by mint (which finds the mint's accounts under either token program) summed over the
 * accounts, and `getSignaturesForAddress` paged from the newest towards the oldest for the count and
 * the first transaction. A signature names every transaction the wallet took part in, sent or received.
 */
export function createSolanaAccountReader(options: SolanaAccountReaderOptions): NetworkAccountReader {
  const { service } = options.resilience;
  const resilience: ResilienceOptions = { ...options.resilience, classify: classifyFetchError(service) };
  const rpc = (method: string, params: unknown) =>
    callResiliently(resilience, (signal) =>
      callJsonRpc({ fetch: options.fetch, service, url: options.rpcUrl, signal }, method, params),
    );
  const checked = (wallet: string) => {
    if (!isSolanaAddress(wallet))
      throw new HoldingsInputError('wallet', 'The wallet is not a Solana address.');
    return wallet;
  };
  const signatures = async (wallet: string, limit: number, before?: string) =>
    parseWire(
      service,
      ZSignatures,
      await rpc('getSignaturesForAddress', [
        wallet,
        { limit, commitment: 'confirmed', ...(before ? { before } : {}) },
      ]),
      'a getSignaturesForAddress result',
    );

  return {
    async balance(wallet, token) {
      checked(wallet);
      if (token === null) {
        const result = await rpc('getBalance', [wallet, { commitment: 'confirmed' }]);
        return { units: BigInt(parseWire(service, ZBalance, result, 'a getBalance result').value) };
      }
      if (!isSolanaAddress(token))
        throw new HoldingsInputError('collection', 'The token is not a Solana mint.');
      const result = await rpc('getTokenAccountsByOwner', [
        wallet,
        { mint: token },
        { encoding: 'jsonParsed', commitment: 'confirmed' },
      ]);
      const accounts = parseWire(service, ZParsedTokenAccounts, result, 'a getTokenAccountsByOwner result');
      let units = 0n;
      let decimals: number | undefined;
      for (const { account } of accounts.value) {
        const { info } = account.data.parsed;
        // Re-checked so that a node which ignores the filter cannot count someone else's tokens.
        if (info.mint !== token || (info.owner !== undefined && info.owner !== wallet)) continue;
        if (!/^\d+$/.test(info.tokenAmount.amount)) {
          throw new UpstreamError({
            kind: 'bad_response',
            service,
            message: `${service} sent a token amount that is not a whole number.`,
          });
        }
        units += BigInt(info.tokenAmount.amount);
        decimals = info.tokenAmount.decimals;
      }
      return decimals === undefined ? { units } : { units, decimals };
    },

    async transactionCount(wallet, atLeast) {
      checked(wallet);
      let count = 0;
      let before: string | undefined;
      while (count < atLeast) {
        const limit = Math.min(SIGNATURES_PAGE, atLeast - count);
        const page = await signatures(wallet, limit, before);
        count += page.length;
        if (page.length < limit) break;
        before = page.at(-1)?.signature;
      }
      return { count };
    },

    async firstActivity(wallet, before) {
      checked(wallet);
      const cutoff = Math.floor(before.getTime() / 1000);
      let oldest: number | null = null;
      let cursor: string | undefined;
      for (let read = 0; read < SIGNATURE_PAGES; read += 1) {
        const page = await signatures(wallet, SIGNATURES_PAGE, cursor);
        for (const entry of page) {
          if (typeof entry.blockTime === 'number') oldest = entry.blockTime;
        }
        const answer = (first: boolean): FirstActivityAnswer => ({
          oldest: oldest === null ? null : new Date(oldest * 1000),
          first,
        });
        if (page.length < SIGNATURES_PAGE) {
          if (oldest === null && read + page.length > 0) throw noBlockTimes(service);
          return answer(true);
        }
        if (oldest !== null && oldest <= cutoff) return answer(false);
        cursor = page.at(-1)?.signature;
      }
      throw new UpstreamError({
        kind: 'unavailable',
        service,
        retryable: false,
        message: `${service}: the wallet has more than ${SIGNATURES_PAGE * SIGNATURE_PAGES} transactions since the date asked; its first one was not read.`,
      });
    },
  };
}

const noBlockTimes = (service: string) =>
  new UpstreamError({
    kind: 'bad_response',
    service,
    message: `${service} sent the wallet's transactions without their block times.`,
  });
