import { ZNetwork } from '@puffy/contracts';
import { describe, expect, it } from 'vitest';
import {
  createHoldingsReader,
  EVM_CHAIN_IDS,
  HoldingsInputError,
  parseEvmRpcUrls,
  UpstreamError,
} from '../../src/holdings';
import { fastConfig } from './support/config';
import { newAddress } from './support/solana-cluster';
import { startWireServer } from './support/wire-server';

describe('createHoldingsReader', () => {
  it.each(ZNetwork.options)(
    '%s without a configured endpoint says so, as a non-retryable upstream error',
    async (network) => {
      const reader = createHoldingsReader(fastConfig());
      const failure = reader.holds({ network, wallet: newAddress(), collection: { address: newAddress() } });
      await expect(failure).rejects.toBeInstanceOf(UpstreamError);
      await expect(failure).rejects.toMatchObject({
        kind: 'unavailable',
        retryable: false,
        service: network,
      });
      await expect(failure).rejects.toThrow(/not configured/);
    },
  );

  it('an EVM URL for one chain does not configure the other', async () => {
    const server = await startWireServer();
    try {
      const reader = createHoldingsReader(fastConfig({ evmRpcUrls: { [EVM_CHAIN_IDS.eth]: server.url } }));
      await expect(
        reader.holds({
          network: 'berachain',
          wallet: '0x52908400098527886E0F7030069857D2E4169EE7',
          collection: { address: '0x8617E340B3D01FA5F11F306F4090FD50E238070D' },
        }),
      ).rejects.toThrow(/berachain are not configured/);
      expect(server.calls).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('a wallet of another family is bad input, not "does not hold"', async () => {
    const server = await startWireServer();
    try {
      const reader = createHoldingsReader(fastConfig({ evmRpcUrls: { 1: server.url } }));
      await expect(
        reader.holds({
          network: 'eth',
          wallet: newAddress(),
          collection: { address: '0x8617E340B3D01FA5F11F306F4090FD50E238070D' },
        }),
      ).rejects.toBeInstanceOf(HoldingsInputError);
      expect(server.calls).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['a malformed EVM URL', { evmRpcUrls: { 1: 'not a url' } }],
    ['a non-http Solana URL', { solanaRpcUrl: 'ftp://rpc.example' }],
    ['a malformed TON API URL', { tonApiUrl: '://toncenter' }],
  ])('refuses %s at construction', (_label, overrides) => {
    expect(() => createHoldingsReader(fastConfig(overrides))).toThrow(TypeError);
  });
});

describe('parseEvmRpcUrls', () => {
  it('reads comma-separated chainId=url pairs', () => {
    expect(parseEvmRpcUrls(' 1=https://eth.example/rpc?key=a=b , 80094=https://bera.example/rpc,')).toEqual({
      1: 'https://eth.example/rpc?key=a=b',
      80094: 'https://bera.example/rpc',
    });
  });

  it('reads nothing from an empty or missing value', () => {
    expect(parseEvmRpcUrls(undefined)).toEqual({});
    expect(parseEvmRpcUrls('  ')).toEqual({});
  });

  it.each([
    ['a pair without "="', 'https://eth.example'],
    ['a chain id that is not a number', 'eth=https://eth.example'],
    ['a zero chain id', '0=https://eth.example'],
    ['an empty URL', '1='],
    ['a URL that is not one', '1=eth.example'],
    ['a chain named twice', '1=https://a.example,1=https://b.example'],
  ])('refuses %s', (_label, value) => {
    expect(() => parseEvmRpcUrls(value)).toThrow(TypeError);
  });
});
