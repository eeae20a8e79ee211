import { createServer } from 'node:net';
import bs58 from 'bs58';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/holdings/upstream-error';
import {
  createSolanaRpc,
  loadPaymentTransaction,
  SolanaRpcError,
  type SolanaRpcOptions,
  verifySolPayment,
} from '../../src/payments';
import { type LocalSolana, startLocalSolanaRpc } from './support/local-solana';
import {
  fundedParties,
  newClaim,
  type Parties,
  signLegacy,
  solExpectation,
  solPayment,
} from './support/payments';

let local: LocalSolana;
let parties: Parties;

beforeAll(async () => {
  local = await startLocalSolanaRpc();
  parties = fundedParties(local.chain);
});
afterAll(() => local.close());
beforeEach(() => local.chain.setAvailability('up'));

/** A client over the local node that counts the HTTP requests it makes. */
function countingClient(options: Partial<SolanaRpcOptions> = {}) {
  const attempts = { count: 0 };
  const rpc = createSolanaRpc({
    url: local.chain.url,
    timeoutMs: 300,
    retries: 2,
    backoff: { baseDelayMs: 1, maxDelayMs: 2 },
    fetch: (input, init) => {
      attempts.count += 1;
      return fetch(input, init);
    },
    ...options,
  });
  return { rpc, attempts };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function landedPayment() {
  const claim = newClaim(local.clock);
  const signature = local.chain.send(signLegacy(local.chain, parties.member, solPayment(parties, claim)));
  return { claim, signature };
}

describe('SolanaRpc when the node fails', () => {
  it('turns HTTP 503 into a retryable UpstreamError after retrying, and changes nothing', async () => {
    const { claim, signature } = landedPayment();
    const { rpc, attempts } = countingClient({ breaker: { failureThreshold: 10, cooldownMs: 60_000 } });
    local.chain.setAvailability('down');
    const error = await rejection(loadPaymentTransaction(rpc, signature));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, retryable: true, service: 'sol' });
    // Two calls per load (transaction and status), each tried three times.
    expect(attempts.count).toBe(6);

    local.chain.setAvailability('up');
    const tx = await loadPaymentTransaction(rpc, signature);
    expect(verifySolPayment(tx, solExpectation(parties, claim))).toMatchObject({ ok: true });
  });

  it('times out a node that never answers', async () => {
    const { signature } = landedPayment();
    const { rpc } = countingClient({ timeoutMs: 100, retries: 0 });
    local.chain.setAvailability('hang');
    const error = await rejection(
      rpc.getTransaction(signature, { commitment: 'confirmed', encoding: 'json' }),
    );
    expect(error).toMatchObject({ name: 'UpstreamError', kind: 'timeout' });
  });

  it('reports a node that refuses connections as unavailable', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const rpc = createSolanaRpc({ url: `http://127.0.0.1:${port}`, retries: 1, backoff: { baseDelayMs: 1 } });
    const error = await rejection(rpc.getLatestBlockhash());
    expect(error).toMatchObject({ name: 'UpstreamError', kind: 'unavailable' });
  });

  it('opens the circuit after repeated failures, and closes it when the node is back', async () => {
    let now = 0;
    const { rpc, attempts } = countingClient({
      retries: 0,
      breaker: { failureThreshold: 2, cooldownMs: 1_000 },
      now: () => now,
    });
    local.chain.setAvailability('down');
    await rejection(rpc.getLatestBlockhash());
    await rejection(rpc.getLatestBlockhash());
    const open = await rejection(rpc.getLatestBlockhash());
    expect(open).toMatchObject({ kind: 'circuit_open' });
    expect(attempts.count).toBe(2);

    local.chain.setAvailability('up');
    now = 1_000;
    await expect(rpc.getLatestBlockhash()).resolves.toMatchObject({ blockhash: expect.any(String) });
    expect(attempts.count).toBe(3);
  });

  it('checks a payment again a few seconds after a short outage opened the circuit, with the default breaker', async () => {
    const { claim, signature } = landedPayment();
    let now = 0;
    const { rpc } = countingClient({ now: () => now, sleep: async () => {} });
    local.chain.setAvailability('down');
    // One failed check opens the circuit: two parallel reads, three attempts each.
    await rejection(loadPaymentTransaction(rpc, signature));
    expect(await rejection(loadPaymentTransaction(rpc, signature))).toMatchObject({ kind: 'circuit_open' });

    local.chain.setAvailability('up');
    now = 5_000;
    // Half-open admits the whole check (both reads), so the first check after the cool-down passes.
    const tx = await loadPaymentTransaction(rpc, signature);
    expect(verifySolPayment(tx, solExpectation(parties, claim))).toMatchObject({ ok: true });
  });

  it('reads an answer of the wrong shape as a bad response, not as "no transaction"', async () => {
    const rpc = createSolanaRpc({
      url: 'http://rpc.invalid',
      retries: 0,
      fetch: async () =>
        new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { slot: 'soon', meta: null } }), {
          headers: { 'content-type': 'application/json' },
        }),
    });
    const error = await rejection(
      rpc.getTransaction('1'.repeat(64), { commitment: 'confirmed', encoding: 'json' }),
    );
    expect(error).toMatchObject({ name: 'UpstreamError', kind: 'bad_response', retryable: false });
  });

  it('retries a node that is behind (-32004) and reports it as unavailable', async () => {
    let calls = 0;
    const rpc = createSolanaRpc({
      url: 'http://rpc.invalid',
      retries: 1,
      backoff: { baseDelayMs: 1 },
      fetch: async () => {
        calls += 1;
        return new Response(
          JSON.stringify({
            jsonrpc: '2.0',
            id: 1,
            error: { code: -32004, message: 'Block not available for slot 9' },
          }),
        );
      },
    });
    expect(await rejection(rpc.getLatestBlockhash())).toMatchObject({ kind: 'unavailable', rpcCode: -32004 });
    expect(calls).toBe(2);
  });
});

describe('SolanaRpc definitive answers', () => {
  it('answers a transaction that fails preflight with SolanaRpcError, untried again and uncounted by the breaker', async () => {
    const { rpc, attempts } = countingClient({ breaker: { failureThreshold: 1, cooldownMs: 60_000 } });
    const claim = newClaim(local.clock);
    const tooMuch = signLegacy(local.chain, parties.member, solPayment(parties, claim, 10_000_000_000_000n));
    const preflight = await rejection(rpc.sendTransaction(tooMuch.serialize()));
    expect(preflight).toBeInstanceOf(SolanaRpcError);
    expect(preflight).toMatchObject({
      code: -32002,
      data: { err: { InstructionError: [1, { Custom: 1 }] } },
    });
    expect(attempts.count).toBe(1);

    const tampered = Buffer.from(
      signLegacy(local.chain, parties.member, solPayment(parties, claim)).serialize(),
    );
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(await rejection(rpc.sendTransaction(tampered))).toMatchObject({
      name: 'SolanaRpcError',
      code: -32003,
    });

    const good = signLegacy(local.chain, parties.member, solPayment(parties, claim));
    // The breaker (threshold 1) stayed closed through both refusals.
    await expect(rpc.sendTransaction(good.serialize())).resolves.toBe(bs58.encode(good.signature ?? []));
  });
});
