import type { Address } from '@ton/core';
import { z } from 'zod';
import { parseTonAddress } from '../addresses';
import type { NetworkAccountReader } from './account-types';
import { classifyFetchError, parseWire, requestJson } from './http-json';
import { callResiliently, type ResilienceOptions } from './resilience';
import type { TonHoldingsReaderOptions } from './ton';
import { HoldingsInputError } from './types';

const ZUnits = z.string().regex(/^\d+$/, 'a whole number');

/** toncenter v3 `GET /api/v3/addressInformation`: the balance in nanotons (0 for an account never funded). */
const ZAddressInformation = z.object({ balance: ZUnits }).loose();

/** toncenter v3 `GET /api/v3/jetton/wallets`: one jetton wallet per owner and jetton master. */
const ZJettonWallets = z
  .object({
    jetton_wallets: z.array(z.object({ balance: ZUnits, owner: z.string(), jetton: z.string() }).loose()),
  })
  .loose();

/** toncenter v3 `GET /api/v3/transactions`: `now` is the transaction's unix time. */
const ZTransactions = z
  .object({ transactions: z.array(z.object({ hash: z.string(), now: z.number().int() }).loose()) })
  .loose();

/** Transactions asked for in one page when counting. */
export const TON_TRANSACTIONS_PAGE = 256;

/**
 * TON balances and history through the toncenter v3 API the NFT reader uses: `addressInformation` for
 * TON, `jetton/wallets` for a jetton (summed, re-checked for owner and master), and `transactions` for
 * the count (newest first, page by page) and the first transaction (oldest first, one item).
 */
export function createTonAccountReader(options: TonHoldingsReaderOptions): NetworkAccountReader {
  const { service } = options.resilience;
  const resilience: ResilienceOptions = { ...options.resilience, classify: classifyFetchError(service) };
  const base = options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`;
  const headers: Record<string, string> = options.apiKey ? { 'X-API-Key': options.apiKey } : {};
  const get = (path: string, query: Record<string, string>) => {
    const url = new URL(path, base);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return callResiliently(resilience, (signal) =>
      requestJson({ fetch: options.fetch, service, url: url.toString(), headers, signal }),
    );
  };
  const account = (wallet: string): Address => {
    const address = parseTonAddress(wallet);
    if (!address) throw new HoldingsInputError('wallet', 'The wallet is not a TON address.');
    return address;
  };
  const transactions = async (owner: Address, limit: number, offset: number, sort: 'asc' | 'desc') =>
    parseWire(
      service,
      ZTransactions,
      await get('api/v3/transactions', {
        account: owner.toRawString(),
        limit: String(limit),
        offset: String(offset),
        sort,
      }),
      'a transactions result',
    ).transactions;

  return {
    async balance(wallet, token) {
      const owner = account(wallet);
      if (token === null) {
        const json = await get('api/v3/addressInformation', {
          address: owner.toRawString(),
          use_v2: 'false',
        });
        return {
          units: BigInt(
            parseWire(service, ZAddressInformation, json, 'an addressInformation result').balance,
          ),
        };
      }
      const master = parseTonAddress(token);
      if (!master) throw new HoldingsInputError('collection', 'The jetton is not a TON address.');
      const json = await get('api/v3/jetton/wallets', {
        owner_address: owner.toRawString(),
        jetton_address: master.toRawString(),
        limit: '10',
        offset: '0',
      });
      const { jetton_wallets: wallets } = parseWire(service, ZJettonWallets, json, 'a jetton/wallets result');
      let units = 0n;
      for (const item of wallets) {
        // Re-checked so that an API which ignores a filter cannot count someone else's jettons.
        if (sameAccount(item.owner, owner) && sameAccount(item.jetton, master)) units += BigInt(item.balance);
      }
      return { units };
    },

    async transactionCount(wallet, atLeast) {
      const owner = account(wallet);
      let count = 0;
      while (count < atLeast) {
        const limit = Math.min(TON_TRANSACTIONS_PAGE, atLeast - count);
        const page = await transactions(owner, limit, count, 'desc');
        count += page.length;
        if (page.length < limit) break;
      }
      return { count };
    },

    async firstActivity(wallet) {
      const [first] = await transactions(account(wallet), 1, 0, 'asc');
      return { oldest: first ? new Date(first.now * 1000) : null, first: true };
    },
  };
}

const sameAccount = (value: string, expected: Address): boolean =>
  parseTonAddress(value)?.equals(expected) ?? false;
