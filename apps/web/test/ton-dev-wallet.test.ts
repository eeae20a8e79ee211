// @vitest-environment node
import { readWalletPublicKey, tonProofSignedBytes, verifyTonProof } from '@puffy/chains';
import type { TSessionOutput } from '@puffy/contracts';
import { Address, Cell, loadStateInit } from '@ton/core';
import { WalletContractV4 } from '@ton/ton';
import { describe, expect, it } from 'vitest';
import { devTonWallet } from '../src/auth/dev-ton-wallet';
import { type AuthApi, signInWithWallet } from '../src/auth/sign-in';
import { tonProofDigest } from '../src/auth/ton-dev-proof';

const HOST = '127.0.0.1:5173';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const expectation = (payload: string) => ({
  payload,
  allowedDomains: [HOST],
  now: new Date(),
  maxAgeSeconds: 300,
});

describe('development TON wallet', () => {
  it('answers the payload with a ton_proof that the server’s own verifier accepts', async () => {
    const reply = await devTonWallet(memoryStorage(), () => HOST).connectWithProof('payload-abc');
    expect(reply.address).toMatch(/^0:[0-9a-f]{64}$/);
    expect(reply.proof.domain).toEqual({ lengthBytes: HOST.length, value: HOST });
    const result = verifyTonProof({ ...reply, expected: expectation('payload-abc') });
    expect(result).toMatchObject({ ok: true, chain: 'ton', addressHex: reply.address });
  });

  it('is a standard v4R2 wallet contract holding its key, and keeps its key in storage', async () => {
    const storage = memoryStorage();
    const first = await devTonWallet(storage, () => HOST).connectWithProof('one');
    const again = await devTonWallet(storage, () => HOST).connectWithProof('two');
    expect(again.address).toBe(first.address);
    const other = await devTonWallet(memoryStorage(), () => HOST).connectWithProof('one');
    expect(other.address).not.toBe(first.address);

    const init = loadStateInit(Cell.fromBase64(first.proof.stateInit).beginParse());
    if (!init.code || !init.data) throw new Error('stateInit without code and data');
    const reading = readWalletPublicKey(init.code, init.data);
    expect(reading).toMatchObject({ kind: 'key', version: 'v4R2' });
    const wallet = WalletContractV4.create({ workchain: 0, publicKey: Buffer.from(first.publicKey, 'hex') });
    expect(wallet.address.toRawString()).toBe(first.address);
  });

  it('is refused for another payload, another domain, or a changed timestamp', async () => {
    const reply = await devTonWallet(memoryStorage(), () => HOST).connectWithProof('issued');
    expect(verifyTonProof({ ...reply, expected: expectation('other') })).toMatchObject({
      ok: false,
      reason: 'nonce_mismatch',
    });
    expect(
      verifyTonProof({ ...reply, expected: { ...expectation('issued'), allowedDomains: ['evil.example'] } }),
    ).toMatchObject({ ok: false, reason: 'wrong_domain' });
    const shifted = { ...reply, proof: { ...reply.proof, timestamp: reply.proof.timestamp - 1 } };
    expect(verifyTonProof({ ...shifted, expected: expectation('issued') })).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('hashes the ton-proof-item-v2 message byte for byte as the server does', () => {
    const address = new Address(-1, Buffer.alloc(32, 7));
    const proof = {
      timestamp: 1_750_000_000,
      domain: { lengthBytes: 11, value: 'püffy.test' },
      payload: 'n',
    };
    const ours = tonProofDigest({
      workchain: -1,
      addressHash: address.hash,
      domain: 'püffy.test',
      timestamp: proof.timestamp,
      payload: 'n',
    });
    expect(Buffer.from(ours).equals(tonProofSignedBytes(address, proof))).toBe(true);
  });

  it('signs in through the TON Connect order: payload first, then connect with proof, then verify', async () => {
    const calls: unknown[] = [];
    const session = { signedIn: true } as unknown as TSessionOutput;
    const api: AuthApi = {
      async challenge(input) {
        calls.push(input);
        return { challengeId: 'c1', message: 'server-payload' };
      },
      async verify(input) {
        calls.push(input);
        if (input.proof.chain !== 'ton') throw new Error('expected a TON proof');
        const { chain: _chain, ...reply } = input.proof;
        expect(verifyTonProof({ ...reply, expected: expectation('server-payload') }).ok).toBe(true);
        return session;
      },
    };
    const steps: string[] = [];
    const wallet = devTonWallet(memoryStorage(), () => HOST);
    await expect(
      signInWithWallet(wallet, api, new AbortController().signal, (s) => steps.push(s)),
    ).resolves.toBe(session);
    expect(calls[0]).toEqual({ chain: 'ton' });
    expect(calls[1]).toMatchObject({
      challengeId: 'c1',
      proof: { chain: 'ton', publicKey: expect.any(String) },
    });
    expect(steps).toEqual(['challenge', 'signing', 'verifying']);
  });
});
