import type { Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHoldingsReader,
  type HoldingsQuery,
  type HoldingsReader,
  type HoldingsReaderConfig,
} from '../../src/holdings';
import { fastConfig, manualClock } from './support/config';
import { FakeEvmChain, serveEvmChain } from './support/evm-chain';
import { FakeSvmCluster, newAddress, serveSvmCluster } from './support/solana-cluster';
import { FakeTonIndexer, newTonAddress, serveTonIndexer } from './support/ton-indexer';
import { startWireServer, type WireServer } from './support/wire-server';

interface Target {
  name: string;
  /** The request key the reader's first call uses on the server. */
  key: string;
  jsonRpc: boolean;
  /** Serves a holder on `server`; returns the reader config and a query whose answer is "holds". */
  setup(server: WireServer): { config: Partial<HoldingsReaderConfig>; query: HoldingsQuery };
}

const newEvmAddress = (): Address => privateKeyToAccount(generatePrivateKey()).address;

const targets: Target[] = [
  {
    name: 'EVM (viem)',
    key: 'eth_call',
    jsonRpc: true,
    setup(server) {
      const wallet = newEvmAddress();
      const contract = newEvmAddress();
      serveEvmChain(server, new FakeEvmChain(1).deploy721(contract).mint721(contract, wallet));
      return {
        config: { evmRpcUrls: { 1: server.url } },
        query: { network: 'eth', wallet, collection: { address: contract } },
      };
    },
  },
  {
    name: 'Solana (DAS over fetch)',
    key: 'searchAssets',
    jsonRpc: true,
    setup(server) {
      const cluster = new FakeSvmCluster();
      const wallet = newAddress();
      const collection = newAddress();
      cluster.addNft({ owner: wallet, collection });
      serveSvmCluster(server, cluster, { das: true });
      return {
        config: { solanaRpcUrl: server.url },
        query: { network: 'sol', wallet, collection: { address: collection } },
      };
    },
  },
  {
    name: 'TON (toncenter)',
    key: 'GET /api/v3/nft/items',
    jsonRpc: false,
    setup(server) {
      const indexer = new FakeTonIndexer();
      const wallet = newTonAddress();
      const collection = newTonAddress();
      indexer.mint(collection, wallet);
      serveTonIndexer(server, indexer);
      return {
        config: { tonApiUrl: server.url },
        query: { network: 'ton', wallet: wallet.toString(), collection: { address: collection.toString() } },
      };
    },
  },
];

interface Served {
  server: WireServer;
  query: HoldingsQuery;
  readerFor(overrides?: Partial<HoldingsReaderConfig>): HoldingsReader;
}

/** A fresh server holding one NFT for each test of the enclosing describe. */
function serveTarget(target: Target): () => Served {
  let current: Served | undefined;
  beforeEach(async () => {
    const server = await startWireServer();
    const { config, query } = target.setup(server);
    current = {
      server,
      query,
      readerFor: (overrides = {}) => createHoldingsReader(fastConfig({ ...config, ...overrides })),
    };
  });
  afterEach(async () => {
    await current?.server.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('serveTarget is used outside a test');
    return current;
  };
}

describe.each(targets)('faults against $name', (target) => {
  const served = serveTarget(target);
  let server: WireServer;
  let query: HoldingsQuery;
  let readerFor: Served['readerFor'];
  beforeEach(() => {
    ({ server, query, readerFor } = served());
  });

  it('answers normally when nothing is wrong', async () => {
    await expect(readerFor().holds(query)).resolves.toMatchObject({ holds: true, count: 1 });
    expect(server.count(target.key)).toBe(1);
  });

  it('a slow upstream times out, is retried, and ends in a timeout error, not "does not hold"', async () => {
    server.outage({ drop: true, delayMs: 2_000 });
    const started = performance.now();
    await expect(readerFor({ timeoutMs: 60, retries: 2 }).holds(query)).rejects.toMatchObject({
      name: 'UpstreamError',
      kind: 'timeout',
      retryable: true,
      service: query.network,
    });
    expect(server.count(target.key)).toBe(3);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('5xx then success: the retry gets the answer', async () => {
    server.script(target.key, { status: 500 }, { status: 503, body: '<html>bad gateway</html>' });
    await expect(readerFor().holds(query)).resolves.toMatchObject({ holds: true });
    expect(server.count(target.key)).toBe(3);
  });

  it('a dropped connection then success: the retry gets the answer', async () => {
    server.script(target.key, { drop: true });
    await expect(readerFor().holds(query)).resolves.toMatchObject({ holds: true });
    expect(server.count(target.key)).toBe(2);
  });

  it('a 429 with Retry-After is retried', async () => {
    server.script(target.key, { status: 429, headers: { 'retry-after': '0' } });
    await expect(readerFor().holds(query)).resolves.toMatchObject({ holds: true });
    expect(server.count(target.key)).toBe(2);
  });

  it('an outage that outlasts the retries is "unavailable, try again"', async () => {
    server.outage({ status: 503 });
    await expect(readerFor({ retries: 2 }).holds(query)).rejects.toMatchObject({
      kind: 'unavailable',
      retryable: true,
      status: 503,
    });
    expect(server.count(target.key)).toBe(3);
  });

  it.each([
    ['HTTP 400', { status: 400, body: 'bad request' }],
    ['HTTP 404 with JSON', { json: { error: 'not found' }, status: 404 }],
    ['a body that is not JSON', { raw: '<html>maintenance</html>' }],
  ])('%s is a bad response, not retried', async (_label, step) => {
    server.outage(step);
    await expect(readerFor().holds(query)).rejects.toMatchObject({ kind: 'bad_response', retryable: false });
    expect(server.count(target.key)).toBe(1);
  });

  describe('circuit breaker', () => {
    it('opens after N failures, fails fast without calling the upstream, closes after a good probe', async () => {
      const clock = manualClock();
      const reader = readerFor({
        retries: 0,
        breaker: { failureThreshold: 3, cooldownMs: 10_000 },
        now: clock.now,
      });
      server.outage({ status: 503 });
      for (let i = 0; i < 3; i += 1) {
        await expect(reader.holds(query)).rejects.toMatchObject({ kind: 'unavailable' });
      }
      expect(server.count(target.key)).toBe(3);

      await expect(reader.holds(query)).rejects.toMatchObject({
        kind: 'circuit_open',
        retryable: true,
        retryAfterMs: 10_000,
        service: query.network,
      });
      clock.advance(9_999);
      await expect(reader.holds(query)).rejects.toMatchObject({ kind: 'circuit_open' });
      expect(server.count(target.key)).toBe(3);

      clock.advance(1);
      server.outage(null);
      await expect(reader.holds(query)).resolves.toMatchObject({ holds: true });
      expect(server.count(target.key)).toBe(4);
      await expect(reader.holds(query)).resolves.toMatchObject({ holds: true });
      expect(server.count(target.key)).toBe(5);
    });

    it('a failed probe opens it again for a fresh cool-down', async () => {
      const clock = manualClock();
      const reader = readerFor({
        retries: 0,
        breaker: { failureThreshold: 1, cooldownMs: 5_000 },
        now: clock.now,
      });
      server.outage({ status: 502 });
      await expect(reader.holds(query)).rejects.toMatchObject({ kind: 'unavailable' });
      clock.advance(5_000);
      await expect(reader.holds(query)).rejects.toMatchObject({ kind: 'unavailable' });
      expect(server.count(target.key)).toBe(2);
      await expect(reader.holds(query)).rejects.toMatchObject({ kind: 'circuit_open', retryAfterMs: 5_000 });
      expect(server.count(target.key)).toBe(2);
    });

    it('stops the remaining retries of a call once it opens', async () => {
      const reader = readerFor({ retries: 5, breaker: { failureThreshold: 2, cooldownMs: 10_000 } });
      server.outage({ status: 503 });
      await expect(reader.holds(query)).rejects.toMatchObject({ kind: 'circuit_open' });
      expect(server.count(target.key)).toBe(2);
    });

    it('is not opened by bad responses: the upstream is answering', async () => {
      const reader = readerFor({ retries: 0, breaker: { failureThreshold: 2, cooldownMs: 10_000 } });
      server.outage({ status: 400 });
      for (let i = 0; i < 4; i += 1) {
        await expect(reader.holds(query)).rejects.toMatchObject({ kind: 'bad_response' });
      }
      expect(server.count(target.key)).toBe(4);
    });
  });
});

describe.each(targets.filter((target) => target.jsonRpc))('JSON-RPC errors from $name', (target) => {
  const served = serveTarget(target);
  let server: WireServer;
  let query: HoldingsQuery;
  let readerFor: Served['readerFor'];
  beforeEach(() => {
    ({ server, query, readerFor } = served());
  });

  it('JSON-RPC server errors (-32005, -32603) are retried', async () => {
    server.script(
      target.key,
      { error: { code: -32005, message: 'Node is behind by 42 slots' } },
      { error: { code: -32603, message: 'Internal error' } },
    );
    await expect(readerFor().holds(query)).resolves.toMatchObject({ holds: true });
    expect(server.count(target.key)).toBe(3);
  });

  it('a JSON-RPC invalid-params error is a bad response, not retried', async () => {
    server.outage({ error: { code: -32602, message: 'Invalid params' } });
    await expect(readerFor().holds(query)).rejects.toMatchObject({ kind: 'bad_response', rpcCode: -32602 });
    expect(server.count(target.key)).toBe(1);
  });
});

describe('breakers are per upstream', () => {
  let eth: WireServer;
  let sol: WireServer;

  beforeEach(async () => {
    eth = await startWireServer();
    sol = await startWireServer();
  });

  afterEach(async () => {
    await eth.close();
    await sol.close();
  });

  it('an open EVM breaker does not stop Solana checks', async () => {
    const ethTarget = targets[0]?.setup(eth);
    const solTarget = targets[1]?.setup(sol);
    if (!ethTarget || !solTarget) throw new Error('targets missing');
    const reader = createHoldingsReader(
      fastConfig({
        ...ethTarget.config,
        ...solTarget.config,
        retries: 0,
        breaker: { failureThreshold: 1, cooldownMs: 60_000 },
      }),
    );
    eth.outage({ status: 503 });
    await expect(reader.holds(ethTarget.query)).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(reader.holds(ethTarget.query)).rejects.toMatchObject({
      kind: 'circuit_open',
      service: 'eth',
    });
    await expect(reader.holds(solTarget.query)).resolves.toMatchObject({ holds: true, source: 'das' });
  });
});
