import type { Address } from '@ton/core';
import { z } from 'zod';
import { parseTonAddress } from '../addresses';
import { classifyFetchError, type FetchLike, parseWire, requestJson } from './http-json';
import { callResiliently, type ResilienceOptions } from './resilience';
import { answer, HOLDINGS_PAGE_SIZE, HoldingsInputError, type NetworkHoldingsReader } from './types';

export interface TonHoldingsReaderOptions {
  /** The API's origin, for example https://toncenter.com; `/api/v3/...` is appended. */
  apiUrl: string;
  apiKey?: string;
  fetch: FetchLike;
  resilience: Omit<ResilienceOptions, 'classify'>;
}

export type TonHoldingsReader = NetworkHoldingsReader;

/** toncenter v3 `GET /api/v3/nft/items`: the fields that decide ownership, raw or friendly addresses. */
const ZNftItems = z
  .object({
    nft_items: z.array(
      z
        .object({
          address: z.string(),
          owner_address: z.string().nullish(),
          real_owner: z.string().nullish(),
          collection_address: z.string().nullish(),
        })
        .loose(),
    ),
  })
  .loose();

/** TON NFT ownership through a toncenter v3 compatible HTTP API. */
export function createTonHoldingsReader(options: TonHoldingsReaderOptions): TonHoldingsReader {
  const { service } = options.resilience;
  const resilience: ResilienceOptions = {
    ...options.resilience,
    classify: classifyFetchError(service),
  };
  const endpoint = new URL(
    'api/v3/nft/items',
    options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`,
  );
  const headers: Record<string, string> = options.apiKey ? { 'X-API-Key': options.apiKey } : {};

  return {
    async holds(wallet, collection) {
      const owner = parseTonAddress(wallet);
      if (!owner) throw new HoldingsInputError('wallet', 'The wallet is not a TON address.');
      const contract = parseTonAddress(collection.address);
      if (!contract) throw new HoldingsInputError('collection', 'The collection is not a TON address.');

      const url = new URL(endpoint);
      // The raw form names the account whichever flags (bounceable, testnet) a friendly form carried.
      url.searchParams.set('owner_address', owner.toRawString());
      url.searchParams.set('collection_address', contract.toRawString());
      url.searchParams.set('limit', String(HOLDINGS_PAGE_SIZE));
      url.searchParams.set('offset', '0');

      const json = await callResiliently(resilience, (signal) =>
        requestJson({ fetch: options.fetch, service, url: url.toString(), headers, signal }),
      );
      const { nft_items: items } = parseWire(service, ZNftItems, json, 'an nft/items result');
      // Re-checked so that an API which ignores a filter cannot turn someone else's NFT into a "yes".
      const count = items.filter(
        (item) =>
          sameAccount(item.collection_address, contract) &&
          (sameAccount(item.owner_address, owner) || sameAccount(item.real_owner, owner)),
      ).length;
      return answer(count, 'tonapi');
    },
  };
}

function sameAccount(value: string | null | undefined, expected: Address): boolean {
  return value ? (parseTonAddress(value)?.equals(expected) ?? false) : false;
}
