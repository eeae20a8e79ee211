import { type Address, encodeErrorResult } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHoldingsReader, HoldingsInputError, type HoldingsReader } from '../../src/holdings';
import { fastConfig } from './support/config';
import { FakeEvmChain, serveEvmChain } from './support/evm-chain';
import { startWireServer, type WireServer } from './support/wire-server';

const newEvmAddress = (): Address => privateKeyToAccount(generatePrivateKey()).address;

describe('EVM holdings (balanceOf through viem)', () => {
  const holder = newEvmAddress();
  const stranger = newEvmAddress();
  const puffy721 = newEvmAddress();
  const pods1155 = newEvmAddress();
  const beraBadges = newEvmAddress();
  const noCode = newEvmAddress();
  let eth: WireServer;
  let bera: WireServer;
  let reader: HoldingsReader;

  beforeAll(async () => {
    eth = await startWireServer();
    bera = await startWireServer();
    serveEvmChain(
      eth,
      new FakeEvmChain(1)
        .deploy721(puffy721)
        .mint721(puffy721, holder, 2n)
        .deploy1155(pods1155)
        .mint1155(pods1155, holder, 7n, 3n),
    );
    serveEvmChain(bera, new FakeEvmChain(80094).deploy721(beraBadges).mint721(beraBadges, holder));
    reader = createHoldingsReader(fastConfig({ evmRpcUrls: { 1: eth.url, 80094: bera.url } }));
  });

  afterAll(async () => {
    await eth.close();
    await bera.close();
  });

  it('ERC-721: a holder holds, with the exact balance', async () => {
    await expect(
      reader.holds({ network: 'eth', wallet: holder, collection: { address: puffy721 } }),
    ).resolves.toEqual({ holds: true, count: 2, source: 'evm' });
  });

  it('ERC-721: a wallet with no token does not hold', async () => {
    await expect(
      reader.holds({
        network: 'eth',
        wallet: stranger,
        collection: { address: puffy721, standard: 'erc721' },
      }),
    ).resolves.toEqual({ holds: false, count: 0, source: 'evm' });
  });

  it('accepts all-lowercase addresses', async () => {
    const answer = await reader.holds({
      network: 'eth',
      wallet: holder.toLowerCase(),
      collection: { address: puffy721.toLowerCase() },
    });
    expect(answer.holds).toBe(true);
  });

  it('ERC-1155: asks for the configured token id only', async () => {
    await expect(
      reader.holds({ network: 'eth', wallet: holder, collection: { address: pods1155, tokenId: '7' } }),
    ).resolves.toEqual({ holds: true, count: 3, source: 'evm' });
    await expect(
      reader.holds({
        network: 'eth',
        wallet: holder,
        collection: { address: pods1155, tokenId: '8', standard: 'erc1155' },
      }),
    ).resolves.toEqual({ holds: false, count: 0, source: 'evm' });
  });

  it('berachain asks the RPC configured for chain 80094', async () => {
    const ethCalls = eth.count('eth_call');
    await expect(
      reader.holds({ network: 'berachain', wallet: holder, collection: { address: beraBadges } }),
    ).resolves.toEqual({ holds: true, count: 1, source: 'evm' });
    expect(bera.count('eth_call')).toBe(1);
    expect(eth.count('eth_call')).toBe(ethCalls);
    // The same contract address means nothing on the other chain.
    await expect(
      reader.holds({ network: 'eth', wallet: holder, collection: { address: beraBadges } }),
    ).rejects.toMatchObject({ name: 'UpstreamError', kind: 'bad_response', service: 'eth' });
  });

  it('an address without code is a bad response, asked once, never "does not hold"', async () => {
    const before = eth.count('eth_call');
    await expect(
      reader.holds({ network: 'eth', wallet: holder, collection: { address: noCode } }),
    ).rejects.toMatchObject({ kind: 'bad_response', retryable: false });
    expect(eth.count('eth_call') - before).toBe(1);
  });

  it('a revert reported with code 3 and reason data is a bad response, asked once', async () => {
    const before = eth.count('eth_call');
    const data = encodeErrorResult({
      abi: [{ type: 'error', name: 'Error', inputs: [{ name: 'message', type: 'string' }] }],
      errorName: 'Error',
      args: ['ERC721: address zero is not a valid owner'],
    });
    eth.script('eth_call', { error: { code: 3, message: 'execution reverted: ERC721: address zero', data } });
    await expect(
      reader.holds({ network: 'eth', wallet: holder, collection: { address: puffy721 } }),
    ).rejects.toMatchObject({ kind: 'bad_response', retryable: false });
    expect(eth.count('eth_call') - before).toBe(1);
  });

  it('a contract that reverts (wrong standard) is a bad response, asked once', async () => {
    const before = eth.count('eth_call');
    await expect(
      reader.holds({ network: 'eth', wallet: holder, collection: { address: puffy721, tokenId: '1' } }),
    ).rejects.toMatchObject({ kind: 'bad_response', retryable: false });
    expect(eth.count('eth_call') - before).toBe(1);
  });

  it.each([
    [
      'a wallet that is not an EVM address',
      { wallet: 'not-an-address', collection: { address: puffy721 } },
      'wallet',
    ],
    [
      'a collection that is not an address',
      { wallet: holder, collection: { address: '0x1234' } },
      'collection',
    ],
    [
      'an ERC-1155 collection without a token id',
      { wallet: holder, collection: { address: pods1155, standard: 'erc1155' as const } },
      'tokenId',
    ],
    [
      'a token id on an ERC-721 collection',
      { wallet: holder, collection: { address: puffy721, standard: 'erc721' as const, tokenId: '1' } },
      'tokenId',
    ],
    [
      'a token id that is not a number',
      { wallet: holder, collection: { address: pods1155, tokenId: '0x07' } },
      'tokenId',
    ],
    [
      'a token id beyond uint256',
      { wallet: holder, collection: { address: pods1155, tokenId: (2n ** 256n).toString() } },
      'tokenId',
    ],
  ])('refuses %s without asking the chain', async (_label, query, field) => {
    const before = eth.calls.length;
    const failure = reader.holds({ network: 'eth', ...query });
    await expect(failure).rejects.toBeInstanceOf(HoldingsInputError);
    await expect(failure).rejects.toMatchObject({ field });
    expect(eth.calls.length).toBe(before);
  });
});
