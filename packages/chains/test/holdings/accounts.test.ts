import type { Address as TonAddress } from '@ton/core';
import type { Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHoldingsReader, HoldingsInputError, UpstreamError } from '../../src/holdings';
import { SIGNATURE_PAGES, SIGNATURES_PAGE } from '../../src/holdings/solana-accounts';
import { fastConfig } from './support/config';
import { FakeEvmChain, serveEvmChain } from './support/evm-chain';
import { FakeSvmCluster, newAddress, serveSvmCluster, TOKEN_2022_PROGRAM } from './support/solana-cluster';
import { FakeTonIndexer, newTonAddress, serveTonIndexer } from './support/ton-indexer';
import { startWireServer, type WireServer } from './support/wire-server';

/*
 * Token balances, transaction counts and first transactions through the real readers against local
 * stand-ins speaking each chain's wire format (JSON-RPC for EVM and Solana, toncenter v3 REST for TON).
 */

const newEvmAddress = (): Address => privateKeyToAccount(generatePrivateKey()).address;
const NOW_S = 1_765_000_000;

describe('EVM accounts (eth_getBalance, ERC-20 balanceOf, nonce, first block by binary search)', () => {
  let server: WireServer;
  let chain: FakeEvmChain;
  const wallet = newEvmAddress();
  const token = newEvmAddress();

  beforeEach(async () => {
    server = await startWireServer();
    chain = new FakeEvmChain(1);
    serveEvmChain(server, chain);
  });
  afterEach(() => server.close());

  const reader = () => createHoldingsReader(fastConfig({ evmRpcUrls: { 1: server.url } }));

  it('native and ERC-20 balances in smallest units, beyond 2^53', async () => {
    chain
      .fund(wallet, 12_345_678_901_234_567_890n)
      .deploy20(token)
      .mint20(token, wallet, 2n ** 70n);
    await expect(reader().balance({ network: 'eth', wallet, token: null })).resolves.toEqual({
      units: 12_345_678_901_234_567_890n,
    });
    await expect(reader().balance({ network: 'eth', wallet, token })).resolves.toEqual({ units: 2n ** 70n });
    await expect(reader().balance({ network: 'eth', wallet: newEvmAddress(), token })).resolves.toEqual({
      units: 0n,
    });
    await expect(reader().balance({ network: 'eth', wallet: 'nope', token: null })).rejects.toBeInstanceOf(
      HoldingsInputError,
    );
  });

  it('counts sent transactions by the nonce', async () => {
    chain.send(wallet, 100n).send(wallet, 200n).send(wallet, 300n);
    await expect(reader().transactionCount({ network: 'eth', wallet, atLeast: 10 })).resolves.toEqual({
      count: 3,
    });
  });

  it('finds the first transaction block by binary search and reads its time', async () => {
    chain.send(wallet, 12_345_678n).send(wallet, 20_000_000n);
    const answer = await reader().firstActivity({ network: 'eth', wallet, before: new Date() });
    expect(answer).toEqual({ oldest: new Date(Number(chain.timestampOf(12_345_678n)) * 1000), first: true });
    // log2 of 21M blocks, not a scan.
    expect(server.count('eth_getTransactionCount')).toBeLessThanOrEqual(27);
    expect(server.count('eth_getBlockByNumber')).toBe(1);
  });

  it('a wallet that never sent has no first transaction', async () => {
    await expect(
      reader().firstActivity({ network: 'eth', wallet: newEvmAddress(), before: new Date() }),
    ).resolves.toEqual({ oldest: null, first: true });
  });

  it('a node without historical state cannot answer: an error, never a date', async () => {
    chain.archive = false;
    chain.send(wallet, 5n);
    const error = await reader()
      .firstActivity({ network: 'eth', wallet, before: new Date() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
  });
});

describe('Solana accounts (getBalance, token accounts by mint, getSignaturesForAddress)', () => {
  let server: WireServer;
  let cluster: FakeSvmCluster;
  const wallet = newAddress();
  const mint = newAddress();

  beforeEach(async () => {
    server = await startWireServer();
    cluster = new FakeSvmCluster();
    serveSvmCluster(server, cluster, { das: false });
  });
  afterEach(() => server.close());

  const reader = () => createHoldingsReader(fastConfig({ solanaRpcUrl: server.url, soonRpcUrl: server.url }));

  it('lamports, and SPL balances summed over the mint accounts of either token program', async () => {
    cluster.lamports.set(wallet, 2_500_000_000);
    cluster.addTokenAccount({ owner: wallet, mint, amount: '1500000', decimals: 6 });
    cluster.addTokenAccount({
      owner: wallet,
      mint,
      amount: '250000',
      decimals: 6,
      program: TOKEN_2022_PROGRAM,
    });
    cluster.addTokenAccount({ owner: wallet, mint: newAddress(), amount: '999', decimals: 6 });
    await expect(reader().balance({ network: 'sol', wallet, token: null })).resolves.toEqual({
      units: 2_500_000_000n,
    });
    await expect(reader().balance({ network: 'soon', wallet, token: mint })).resolves.toEqual({
      units: 1_750_000n,
      decimals: 6,
    });
    const [, filter] = (server.calls.at(-1)?.params ?? []) as [string, { mint?: string }];
    expect(filter).toEqual({ mint });
    await expect(reader().balance({ network: 'sol', wallet: newAddress(), token: mint })).resolves.toEqual({
      units: 0n,
    });
  });

  it('counts signatures page by page and stops at what the leaf asks', async () => {
    cluster.transact(wallet, 2_500, NOW_S);
    await expect(reader().transactionCount({ network: 'sol', wallet, atLeast: 1000 })).resolves.toEqual({
      count: 1000,
    });
    expect(server.count('getSignaturesForAddress')).toBe(1);
    const few = newAddress();
    cluster.transact(few, 3, NOW_S);
    await expect(reader().transactionCount({ network: 'sol', wallet: few, atLeast: 10 })).resolves.toEqual({
      count: 3,
    });
  });

  it('pages towards the oldest signature, stopping once one is old enough', async () => {
    // 1,500 transactions a minute apart: the oldest is 1,499 minutes before the newest.
    cluster.transact(wallet, 1_500, NOW_S);
    const all = await reader().firstActivity({ network: 'sol', wallet, before: new Date(0) });
    expect(all).toEqual({ oldest: new Date((NOW_S - 1_499 * 60) * 1000), first: true });
    expect(server.count('getSignaturesForAddress')).toBe(2);
    const [, second] = (server.calls.at(-1)?.params ?? []) as [string, { before?: string; limit: number }];
    expect(second.limit).toBe(SIGNATURES_PAGE);
    expect(second.before).toBeDefined();

    const calls = server.count('getSignaturesForAddress');
    const early = await reader().firstActivity({
      network: 'sol',
      wallet,
      before: new Date((NOW_S - 600 * 60) * 1000),
    });
    expect(early.first).toBe(false);
    expect(early.oldest?.getTime()).toBeLessThanOrEqual((NOW_S - 600 * 60) * 1000);
    expect(server.count('getSignaturesForAddress') - calls).toBe(1);

    await expect(
      reader().firstActivity({ network: 'sol', wallet: newAddress(), before: new Date() }),
    ).resolves.toEqual({ oldest: null, first: true });
  });

  it('gives up, as an error, on a history longer than it reads', async () => {
    cluster.transact(wallet, SIGNATURES_PAGE * SIGNATURE_PAGES + 1, NOW_S);
    const error = await reader()
      .firstActivity({ network: 'sol', wallet, before: new Date(0) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(server.count('getSignaturesForAddress')).toBe(SIGNATURE_PAGES);
  });

  it('an outage is an error, never a zero balance', async () => {
    server.outage({ status: 503 });
    await expect(reader().balance({ network: 'sol', wallet, token: null })).rejects.toBeInstanceOf(
      UpstreamError,
    );
  });
});

describe('TON accounts (toncenter v3 addressInformation, jetton/wallets, transactions)', () => {
  let server: WireServer;
  let indexer: FakeTonIndexer;
  const wallet = newTonAddress();
  const jetton = newTonAddress();

  beforeEach(async () => {
    server = await startWireServer();
    indexer = new FakeTonIndexer();
    indexer.apiKey = 'k3y';
    serveTonIndexer(server, indexer);
  });
  afterEach(() => server.close());

  const reader = () => createHoldingsReader(fastConfig({ tonApiUrl: server.url, tonApiKey: 'k3y' }));
  const friendly = (a: TonAddress) => a.toString({ urlSafe: true, bounceable: false });

  it('nanotons and jetton balances, re-checked for owner and master', async () => {
    indexer.fund(wallet, 3_000_000_000n);
    indexer.giveJetton(wallet, jetton, 42_000_000_000n);
    indexer.giveJetton(newTonAddress(), jetton, 7n);
    await expect(
      reader().balance({ network: 'ton', wallet: friendly(wallet), token: null }),
    ).resolves.toEqual({
      units: 3_000_000_000n,
    });
    await expect(
      reader().balance({ network: 'ton', wallet: friendly(wallet), token: jetton.toString() }),
    ).resolves.toEqual({ units: 42_000_000_000n });
    const call = server.calls.at(-1);
    expect(call?.query.get('owner_address')).toBe(wallet.toRawString());
    expect(call?.query.get('jetton_address')).toBe(jetton.toRawString());
    // An indexer ignoring the owner filter cannot lend someone else's jettons.
    server.script('GET /api/v3/jetton/wallets', {
      json: {
        jetton_wallets: [
          {
            address: '0:AB',
            balance: '999',
            owner: newTonAddress().toRawString(),
            jetton: jetton.toRawString(),
          },
        ],
      },
    });
    await expect(
      reader().balance({ network: 'ton', wallet: wallet.toRawString(), token: jetton.toRawString() }),
    ).resolves.toEqual({ units: 0n });
    await expect(
      reader().balance({ network: 'ton', wallet: newTonAddress().toRawString(), token: null }),
    ).resolves.toEqual({ units: 0n });
  });

  it('counts transactions newest first, page by page, and reads the first one oldest first', async () => {
    indexer.transact(wallet, 300, NOW_S);
    await expect(
      reader().transactionCount({ network: 'ton', wallet: wallet.toRawString(), atLeast: 280 }),
    ).resolves.toEqual({ count: 280 });
    expect(server.count('GET /api/v3/transactions')).toBe(2);
    await expect(
      reader().firstActivity({ network: 'ton', wallet: wallet.toRawString(), before: new Date() }),
    ).resolves.toEqual({ oldest: new Date((NOW_S - 299 * 60) * 1000), first: true });
    expect(server.calls.at(-1)?.query.get('sort')).toBe('asc');
    await expect(
      reader().firstActivity({ network: 'ton', wallet: newTonAddress().toRawString(), before: new Date() }),
    ).resolves.toEqual({ oldest: null, first: true });
  });

  it('a refused key or an unreadable answer is an error, never a zero', async () => {
    const wrongKey = createHoldingsReader(fastConfig({ tonApiUrl: server.url, tonApiKey: 'wrong' }));
    await expect(
      wrongKey.balance({ network: 'ton', wallet: wallet.toRawString(), token: null }),
    ).rejects.toBeInstanceOf(UpstreamError);
    server.script('GET /api/v3/addressInformation', { json: { balance: 1.5 } });
    await expect(
      reader().balance({ network: 'ton', wallet: wallet.toRawString(), token: null }),
    ).rejects.toBeInstanceOf(UpstreamError);
  });
});
