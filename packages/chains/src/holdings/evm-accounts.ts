import { erc20Abi, numberToHex } from 'viem';
import { z } from 'zod';
import { normalizeEvmAddress } from '../addresses';
import type { NetworkAccountReader } from './account-types';
import { type EvmHoldingsReaderOptions, evmClient } from './evm';
import { parseWire } from './http-json';
import { callResiliently } from './resilience';
import { HoldingsInputError } from './types';

const ZBlockTimestamp = z.object({ timestamp: z.string().regex(/^0x[0-9a-fA-F]+$/) }).loose();

/**
 * Balances and history on an EVM chain: `eth_getBalance` and ERC-20 `balanceOf` for balances;
 * `eth_getTransactionCount` (the nonce: transactions the wallet sent) for the count; and for the first
 * transaction, the lowest block at which the nonce is at least 1, found by binary search over block
 * numbers (about 25 calls on Ethereum; it needs a node that serves historical state, and a node that does
 * not answers an error, never a "no"), then that block's timestamp.
 */
export function createEvmAccountReader(options: EvmHoldingsReaderOptions): NetworkAccountReader {
  const { service } = options.resilience;
  const { client, resilience } = evmClient(options);
  const call = <T>(run: () => Promise<T>) => callResiliently(resilience, run);
  const owner = (wallet: string) => {
    const address = normalizeEvmAddress(wallet);
    if (!address) throw new HoldingsInputError('wallet', 'The wallet is not an EVM address.');
    return address;
  };
  const nonceAt = (address: `0x${string}`, blockNumber?: bigint) =>
    call(() =>
      client.getTransactionCount(blockNumber === undefined ? { address } : { address, blockNumber }),
    );

  return {
    async balance(wallet, token) {
      const address = owner(wallet);
      if (token === null) return { units: await call(() => client.getBalance({ address })) };
      const contract = normalizeEvmAddress(token);
      if (!contract) throw new HoldingsInputError('collection', 'The token is not an EVM contract address.');
      const units = await call(() =>
        client.readContract({ address: contract, abi: erc20Abi, functionName: 'balanceOf', args: [address] }),
      );
      return { units };
    },

    async transactionCount(wallet) {
      return { count: await nonceAt(owner(wallet)) };
    },

    async firstActivity(wallet) {
      const address = owner(wallet);
      const latest = await call(() => client.getBlockNumber({ cacheTime: 0 }));
      if ((await nonceAt(address, latest)) === 0) return { oldest: null, first: true };
      // The nonce never decreases, so the first block where it is at least 1 holds the first transaction.
      let low = 0n;
      let high = latest;
      while (low < high) {
        const middle = (low + high) / 2n;
        if ((await nonceAt(address, middle)) >= 1) high = middle;
        else low = middle + 1n;
      }
      const block = await call(() =>
        client.request({ method: 'eth_getBlockByNumber', params: [numberToHex(low), false] }),
      );
      const { timestamp } = parseWire(service, ZBlockTimestamp, block, 'a block');
      return { oldest: new Date(Number(BigInt(timestamp)) * 1000), first: true };
    },
  };
}
