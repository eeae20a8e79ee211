import { createTransferCheckedInstruction, getAssociatedTokenAddressSync } from '@solana/spl-token';
import { Keypair, PublicKey, Transaction } from '@solana/web3.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLocalSolanaChain, SubmitError } from '../../src/payments/local-rpc';
import { associatedTokenAddress } from '../../src/payments/programs';
import { createSolanaRpc } from '../../src/payments/rpc';
import { type LocalSolana, startLocalSolanaRpc } from './support/local-solana';
import {
  fundedParties,
  GAS_FEE,
  memoInstruction,
  newClaim,
  type Parties,
  signLegacy,
  solPayment,
  solTransfer,
} from './support/payments';

let local: LocalSolana;
let parties: Parties;

beforeAll(async () => {
  local = await startLocalSolanaRpc();
  parties = fundedParties(local.chain);
});
afterAll(() => local.close());

async function post(body: unknown, init: RequestInit = {}) {
  const response = await fetch(local.chain.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as unknown };
}

function submitError(run: () => unknown): SubmitError {
  try {
    run();
  } catch (error) {
    if (error instanceof SubmitError) return error;
    throw error;
  }
  throw new Error('expected a SubmitError');
}

const address = (keypair: Keypair) => keypair.publicKey.toBase58();

describe('the local Solana chain', () => {
  it('moves lamports and charges 5000 lamports per signature', () => {
    const before = local.chain.balance(address(parties.member));
    const treasuryBefore = local.chain.balance(address(parties.treasury));
    local.chain.send(signLegacy(local.chain, parties.member, solPayment(parties, newClaim(local.clock))));
    expect(local.chain.balance(address(parties.member))).toBe(before - GAS_FEE - 5000n);
    expect(local.chain.balance(address(parties.treasury))).toBe(treasuryBefore + GAS_FEE);
  });

  it('refuses a failing transaction at preflight without landing it, and lands it with meta.err when preflight is skipped', async () => {
    const claim = newClaim(local.clock);
    const tooMuch = solPayment(parties, claim, 10n ** 15n);
    const before = local.chain.balance(address(parties.member));
    const refused = submitError(() => local.chain.send(signLegacy(local.chain, parties.member, tooMuch)));
    expect(refused).toMatchObject({ code: -32002, data: { err: { InstructionError: [1, { Custom: 1 }] } } });
    expect(local.chain.balance(address(parties.member))).toBe(before);

    const landed = local.chain.send(signLegacy(local.chain, parties.member, tooMuch), {
      skipPreflight: true,
    });
    expect(local.chain.balance(address(parties.member))).toBe(before - 5000n);
    const { value } = await local.connection.getSignatureStatuses([landed]);
    expect(value[0]?.err).toEqual({ InstructionError: [1, { Custom: 1 }] });
  });

  it('checks every signature, the blockhash, and that a transaction lands once', () => {
    const claim = newClaim(local.clock);
    const needsTwo = new Transaction({
      feePayer: parties.member.publicKey,
      recentBlockhash: local.chain.latestBlockhash(),
    });
    needsTwo.add(
      ...solPayment(parties, claim),
      solTransfer(parties.stranger.publicKey, parties.member.publicKey, 1n),
    );
    needsTwo.partialSign(parties.member);
    const unsigned = submitError(() => local.chain.send(needsTwo));
    expect(unsigned.code).toBe(-32003);

    const forged = signLegacy(local.chain, parties.member, solPayment(parties, claim));
    forged.signatures[0] = {
      publicKey: parties.member.publicKey,
      signature: Buffer.from(Keypair.generate().secretKey.slice(0, 64)),
    };
    expect(submitError(() => local.chain.send(forged)).code).toBe(-32003);

    const stale = new Transaction({
      feePayer: parties.member.publicKey,
      recentBlockhash: Keypair.generate().publicKey.toBase58(),
    });
    stale.add(...solPayment(parties, claim)).sign(parties.member);
    expect(submitError(() => local.chain.send(stale)).message).toContain('Blockhash not found');

    const once = signLegacy(local.chain, parties.member, solPayment(parties, claim));
    local.chain.send(once);
    expect(submitError(() => local.chain.send(once)).message).toContain('already been processed');
  });

  it('enforces token ownership: an account moves only with its owner signing', () => {
    const mint = new PublicKey(local.chain.createMint({ decimals: 6 }));
    local.chain.mintTo(mint.toBase58(), address(parties.stranger), 5_000_000n);
    local.chain.mintTo(mint.toBase58(), address(parties.member), 0n);
    const theft = signLegacy(local.chain, parties.member, [
      createTransferCheckedInstruction(
        getAssociatedTokenAddressSync(mint, parties.stranger.publicKey),
        mint,
        getAssociatedTokenAddressSync(mint, parties.member.publicKey),
        parties.member.publicKey,
        1n,
        6,
      ),
    ]);
    expect(submitError(() => local.chain.send(theft)).data).toMatchObject({
      err: { InstructionError: [0, { Custom: 4 }] },
    });
    expect(local.chain.tokenBalance(address(parties.stranger), mint.toBase58())).toBe(5_000_000n);
  });

  it('answers JSON-RPC batches, unknown methods, bad JSON and browser preflights', async () => {
    const batch = await post([
      { jsonrpc: '2.0', id: 1, method: 'getSlot' },
      { jsonrpc: '2.0', id: 2, method: 'getBalance', params: [address(parties.member)] },
      { jsonrpc: '2.0', id: 3, method: 'noSuchMethod' },
      { jsonrpc: '2.0', id: 4, method: '__proto__' },
      { id: 5, method: 'getSlot' },
    ]);
    expect(batch.json).toEqual([
      { jsonrpc: '2.0', id: 1, result: expect.any(Number) },
      {
        jsonrpc: '2.0',
        id: 2,
        result: { context: expect.any(Object), value: Number(local.chain.balance(address(parties.member))) },
      },
      { jsonrpc: '2.0', id: 3, error: { code: -32601, message: 'Method not found' } },
      { jsonrpc: '2.0', id: 4, error: { code: -32601, message: 'Method not found' } },
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid request' } },
    ]);
    expect((await post('{not json')).json).toMatchObject({ error: { code: -32700 } });
    expect(
      (await post({ jsonrpc: '2.0', id: 1, method: 'getBalance', params: ['nope'] })).json,
    ).toMatchObject({
      error: { code: -32602 },
    });
    const preflight = await fetch(local.chain.url, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('airdrops through requestAirdrop as a real transaction', async () => {
    const fresh = Keypair.generate();
    const reply = await post({
      jsonrpc: '2.0',
      id: 1,
      method: 'requestAirdrop',
      params: [address(fresh), 1_000_000_000],
    });
    const signature = (reply.json as { result: string }).result;
    expect(local.chain.balance(address(fresh))).toBe(1_000_000_000n);
    const { value } = await local.connection.getSignatureStatuses([signature]);
    expect(value[0]).toMatchObject({ err: null, confirmationStatus: 'confirmed' });
  });

  it('mints test tokens through requestTokenAirdrop into the owner’s token account, which the RPC client reads', async () => {
    const fresh = Keypair.generate();
    const mint = local.chain.createMint({ decimals: 6 });
    const rpc = createSolanaRpc({ url: local.chain.url, retries: 0 });
    const tokenAccount = associatedTokenAddress(address(fresh), mint);
    expect(await rpc.getTokenAccountBalance(tokenAccount)).toBeNull();
    const call = (params: unknown[]) =>
      post({ jsonrpc: '2.0', id: 1, method: 'requestTokenAirdrop', params });
    const reply = await call([address(fresh), mint, '25000000']);
    const signature = (reply.json as { result: string }).result;
    expect(local.chain.tokenBalance(address(fresh), mint)).toBe(25_000_000n);
    expect(await rpc.getTokenAccountBalance(tokenAccount)).toBe(25_000_000n);
    const { value } = await local.connection.getSignatureStatuses([signature]);
    expect(value[0]).toMatchObject({ err: null });
    // Only the chain's own mints, and only whole positive base units.
    const notMint = await call([address(fresh), address(fresh), '1']);
    expect(notMint.json).toMatchObject({
      error: { code: -32602, message: expect.stringContaining('not a mint') },
    });
    for (const amount of ['0', '-1', '1.5', 25]) {
      expect((await call([address(fresh), mint, amount])).json).toMatchObject({ error: { code: -32602 } });
    }
    expect(local.chain.tokenBalance(address(fresh), mint)).toBe(25_000_000n);
  });

  it('pages getSignaturesForAddress newest first with limit, before and until', async () => {
    const claim = newClaim(local.clock);
    const signatures = [1, 2, 3, 4].map(() =>
      local.chain.send(
        signLegacy(local.chain, parties.member, [
          memoInstruction(claim.memo),
          solTransfer(parties.member.publicKey, parties.treasury.publicKey, 1n, claim.reference),
        ]),
      ),
    );
    const newest = [...signatures].reverse();
    const page = (options: object) =>
      local.rpc
        .getSignaturesForAddress(claim.reference.toBase58(), options)
        .then((infos) => infos.map((i) => i.signature));
    expect(await page({})).toEqual(newest);
    expect(await page({ limit: 2 })).toEqual(newest.slice(0, 2));
    expect(await page({ before: newest[1] })).toEqual(newest.slice(2));
    expect(await page({ until: newest[2] })).toEqual(newest.slice(0, 2));
    local.chain.setStatus(signatures[3] ?? '', 'processed');
    expect(await page({})).toEqual(newest.slice(1));
    expect(await page({ commitment: 'finalized' })).toEqual([]);
  });

  it('finalizes landed transactions by itself when asked to (development)', async () => {
    // Long enough that the first look (on a loaded machine) still sees `confirmed`.
    const chain = await createLocalSolanaChain({ finalizeAfterMs: 1_500 });
    try {
      const payer = Keypair.generate();
      const signature = chain.airdrop(address(payer), 1_000n);
      const status = async () => {
        const reply = await fetch(chain.url, {
          method: 'POST',
          body: JSON.stringify({
            jsonrpc: '2.0',
            id: 1,
            method: 'getSignatureStatuses',
            params: [[signature]],
          }),
        });
        const json = (await reply.json()) as { result: { value: [{ confirmationStatus: string } | null] } };
        return json.result.value[0]?.confirmationStatus;
      };
      expect(await status()).toBe('confirmed');
      await vi.waitFor(async () => expect(await status()).toBe('finalized'), {
        timeout: 10_000,
        interval: 100,
      });
    } finally {
      await chain.close();
    }
  });
});
