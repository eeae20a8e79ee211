import { Keypair } from '@solana/web3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadPaymentTransaction,
  MEMO_V1_PROGRAM_ID,
  nftMemo,
  type PaymentExpectation,
  type PaymentVerification,
  verifySolPayment,
} from '../../src/payments';
import { type LocalSolana, startLocalSolanaRpc } from './support/local-solana';
import {
  type Claim,
  fundedParties,
  GAS_FEE,
  memoInstruction,
  newClaim,
  PAYMENT_WINDOW_MS,
  type Parties,
  signLegacy,
  signV0,
  solExpectation,
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

async function verify(signature: string, expected: PaymentExpectation): Promise<PaymentVerification> {
  return verifySolPayment(await loadPaymentTransaction(local.rpc, signature), expected);
}

function expectRefused(result: PaymentVerification, reason: string) {
  expect(result).toMatchObject({ ok: false, reason });
  if (!result.ok) expect(result.message).toMatch(/\w.*\./);
}

/** Pays with the member's wallet and returns the signature. */
function pay(claim: Claim, instructions = solPayment(parties, claim), signers: Keypair[] = []) {
  return local.chain.send(signLegacy(local.chain, parties.member, instructions, signers));
}

describe('verifySolPayment against the local chain', () => {
  it('accepts the SPA layout (memo, then transfer with the reference) and reports the exact amount', async () => {
    const claim = newClaim(local.clock);
    const before = local.chain.balance(parties.treasury.publicKey.toBase58());
    const signature = pay(claim);
    const result = await verify(signature, solExpectation(parties, claim));
    expect(result).toEqual({
      ok: true,
      signature,
      amount: GAS_FEE,
      surplus: 0n,
      blockTime: new Date(Math.floor(local.clock.now().getTime() / 1000) * 1000),
      slot: expect.any(Number),
      payer: parties.member.publicKey.toBase58(),
      recipient: parties.treasury.publicKey.toBase58(),
      mint: null,
    });
    expect(local.chain.balance(parties.treasury.publicKey.toBase58()) - before).toBe(GAS_FEE);
  });

  it("accepts the predecessor's order (transfer first), a v1 memo and the predecessor's spacing", async () => {
    const claim = newClaim(local.clock, 8);
    const spaced = `{"nft_id": 8, "user_id": "${claim.userId}"}`;
    const signature = pay(claim, [
      solTransfer(parties.member.publicKey, parties.treasury.publicKey, GAS_FEE, claim.reference),
      memoInstruction(spaced, MEMO_V1_PROGRAM_ID),
    ]);
    expect(await verify(signature, solExpectation(parties, claim))).toMatchObject({ ok: true });
  });

  it('records a payment above the fee as surplus', async () => {
    const claim = newClaim(local.clock, 9);
    const signature = pay(claim, solPayment(parties, claim, GAS_FEE + 1_234n));
    expect(await verify(signature, solExpectation(parties, claim))).toMatchObject({
      ok: true,
      amount: GAS_FEE + 1_234n,
      surplus: 1_234n,
    });
  });

  it('refuses a transfer to another address', async () => {
    const claim = newClaim(local.clock, 10);
    const signature = pay(claim, [
      memoInstruction(claim.memo),
      solTransfer(parties.member.publicKey, parties.stranger.publicKey, GAS_FEE, claim.reference),
    ]);
    expectRefused(await verify(signature, solExpectation(parties, claim)), 'wrong_recipient');
  });

  it('refuses a transfer smaller than the fee', async () => {
    const claim = newClaim(local.clock, 11);
    const signature = pay(claim, solPayment(parties, claim, GAS_FEE - 1n));
    expectRefused(await verify(signature, solExpectation(parties, claim)), 'amount_too_small');
  });

  it("refuses when the treasury's balance rose by less than the transfer claims", async () => {
    const claim = newClaim(local.clock, 12);
    // The same transaction sends most of it back out of the treasury (co-signed by the treasury).
    const signature = pay(
      claim,
      [
        ...solPayment(parties, claim),
        solTransfer(parties.treasury.publicKey, parties.stranger.publicKey, GAS_FEE / 2n),
      ],
      [parties.treasury],
    );
    const result = await verify(signature, solExpectation(parties, claim));
    expectRefused(result, 'amount_too_small');
    expect(result.ok ? '' : result.message).toContain('treasury received only');
  });

  it("refuses when the treasury's balance rose enough but the member's own transfer is short", async () => {
    const claim = newClaim(local.clock, 30);
    const signature = pay(
      claim,
      [
        ...solPayment(parties, claim, 1n),
        solTransfer(parties.stranger.publicKey, parties.treasury.publicKey, GAS_FEE),
      ],
      [parties.stranger],
    );
    const result = await verify(signature, solExpectation(parties, claim));
    expectRefused(result, 'amount_too_small');
    expect(result.ok ? '' : result.message).toContain('sends 0.000000001 SOL');
  });

  it('refuses a payment whose fee payer and signer is not the member', async () => {
    const claim = newClaim(local.clock, 13);
    const transaction = signLegacy(local.chain, parties.stranger, [
      memoInstruction(claim.memo),
      solTransfer(parties.stranger.publicKey, parties.treasury.publicKey, GAS_FEE, claim.reference),
    ]);
    expectRefused(await verify(local.chain.send(transaction), solExpectation(parties, claim)), 'wrong_payer');
  });

  it("refuses a transfer the member signed when another wallet is the fee payer (a relayer's transaction)", async () => {
    const claim = newClaim(local.clock, 29);
    const transaction = signLegacy(local.chain, parties.stranger, solPayment(parties, claim), [
      parties.member,
    ]);
    const loaded = await loadPaymentTransaction(local.rpc, local.chain.send(transaction));
    expect(loaded?.accountKeys.find((k) => k.address === parties.member.publicKey.toBase58())?.signer).toBe(
      true,
    );
    expectRefused(verifySolPayment(loaded, solExpectation(parties, claim)), 'wrong_payer');
  });

  it('refuses when the member pays the fee but the SOL comes from another wallet', async () => {
    const claim = newClaim(local.clock, 14);
    const signature = pay(
      claim,
      [
        memoInstruction(claim.memo),
        solTransfer(parties.stranger.publicKey, parties.treasury.publicKey, GAS_FEE, claim.reference),
      ],
      [parties.stranger],
    );
    expectRefused(await verify(signature, solExpectation(parties, claim)), 'wrong_payer');
  });

  it('refuses a memo for another NFT, and one for another member', async () => {
    const claim = newClaim(local.clock, 15);
    const otherNft = pay(claim, [
      memoInstruction(nftMemo({ nftId: 16, userId: claim.userId })),
      solTransfer(parties.member.publicKey, parties.treasury.publicKey, GAS_FEE, claim.reference),
    ]);
    expectRefused(await verify(otherNft, solExpectation(parties, claim)), 'memo_mismatch');
    const otherUser = pay(claim, [
      memoInstruction(nftMemo({ nftId: 15, userId: 'someone-else' })),
      solTransfer(parties.member.publicKey, parties.treasury.publicKey, GAS_FEE, claim.reference),
    ]);
    expectRefused(await verify(otherUser, solExpectation(parties, claim)), 'memo_mismatch');
  });

  it('refuses a memo with an extra key, and one with the id as a string', async () => {
    const claim = newClaim(local.clock, 17);
    const transfer = () =>
      solTransfer(parties.member.publicKey, parties.treasury.publicKey, GAS_FEE, claim.reference);
    const extra = pay(claim, [
      memoInstruction(`{"nft_id":17,"user_id":"${claim.userId}","note":"x"}`),
      transfer(),
    ]);
    expectRefused(await verify(extra, solExpectation(parties, claim)), 'memo_mismatch');
    const stringId = pay(claim, [memoInstruction(`{"nft_id":"17","user_id":"${claim.userId}"}`), transfer()]);
    expectRefused(await verify(stringId, solExpectation(parties, claim)), 'memo_mismatch');
  });

  it('refuses a payment without a memo', async () => {
    const claim = newClaim(local.clock, 18);
    const signature = pay(claim, [
      solTransfer(parties.member.publicKey, parties.treasury.publicKey, GAS_FEE, claim.reference),
    ]);
    expectRefused(await verify(signature, solExpectation(parties, claim)), 'memo_missing');
  });

  it('refuses a payment without the reference, or with it on another instruction than the transfer', async () => {
    const claim = newClaim(local.clock, 19);
    const missing = pay(claim, [
      memoInstruction(claim.memo),
      solTransfer(parties.member.publicKey, parties.treasury.publicKey, GAS_FEE),
    ]);
    expectRefused(await verify(missing, solExpectation(parties, claim)), 'reference_missing');
    const elsewhere = pay(claim, [
      memoInstruction(claim.memo),
      solTransfer(parties.member.publicKey, parties.treasury.publicKey, GAS_FEE),
      solTransfer(parties.member.publicKey, parties.stranger.publicKey, 1n, claim.reference),
    ]);
    expectRefused(await verify(elsewhere, solExpectation(parties, claim)), 'reference_missing');
  });

  it('refuses a transaction that failed on chain (landed with meta.err)', async () => {
    const claim = newClaim(local.clock, 20);
    const poor = Keypair.generate();
    local.chain.airdrop(poor.publicKey.toBase58(), 100_000n);
    const transaction = signLegacy(local.chain, poor, [
      memoInstruction(claim.memo),
      solTransfer(poor.publicKey, parties.treasury.publicKey, GAS_FEE, claim.reference),
    ]);
    const signature = local.chain.send(transaction, { skipPreflight: true });
    const expected = solExpectation(parties, claim, { payer: poor.publicKey.toBase58() });
    const loaded = await loadPaymentTransaction(local.rpc, signature);
    expect(loaded?.err).toEqual({ InstructionError: [1, { Custom: 1 }] });
    expectRefused(verifySolPayment(loaded, expected), 'failed');
  });

  it('refuses a payment made before the claim existed, and one after the window closed', async () => {
    const early = newClaim(local.clock, 21);
    const signature = pay(early);
    local.clock.advance(60_000);
    const claim = { ...early, claimedAt: local.clock.now() };
    expectRefused(await verify(signature, solExpectation(parties, claim)), 'outside_window');

    const late = newClaim(local.clock, 22);
    local.clock.advance(PAYMENT_WINDOW_MS + 1_000);
    const lateSignature = pay(late);
    expectRefused(await verify(lateSignature, solExpectation(parties, late)), 'outside_window');
  });

  it('counts a payment in the same second as the claim', async () => {
    local.clock.advance(999 - (local.clock.now().getTime() % 1000));
    const claim = newClaim(local.clock, 23);
    const signature = pay(claim);
    expect(await verify(signature, solExpectation(parties, claim))).toMatchObject({ ok: true });
  });

  it('accepts a version-0 transaction whose treasury and reference come from a lookup table', async () => {
    const claim = newClaim(local.clock, 24);
    const transaction = signV0(local.chain, parties.member, solPayment(parties, claim), [
      parties.treasury.publicKey,
      claim.reference,
    ]);
    expect(transaction.message.addressTableLookups[0]?.writableIndexes).toEqual([0]);
    expect(transaction.message.addressTableLookups[0]?.readonlyIndexes).toEqual([1]);
    const signature = local.chain.send(transaction);
    const loaded = await loadPaymentTransaction(local.rpc, signature);
    expect(loaded?.version).toBe(0);
    expect(verifySolPayment(loaded, solExpectation(parties, claim))).toMatchObject({
      ok: true,
      amount: GAS_FEE,
    });
  });

  it('answers not_found while the transaction is only processed, and accepts it once confirmed', async () => {
    const claim = newClaim(local.clock, 25);
    const signature = pay(claim);
    local.chain.setStatus(signature, 'processed');
    expectRefused(await verify(signature, solExpectation(parties, claim)), 'not_found');
    local.chain.setStatus(signature, 'confirmed');
    expect(await verify(signature, solExpectation(parties, claim))).toMatchObject({ ok: true });
  });

  it('answers not_finalized when finality is required, and accepts it once finalized', async () => {
    const claim = newClaim(local.clock, 26);
    const signature = pay(claim);
    const expected = solExpectation(parties, claim, { commitment: 'finalized' });
    expectRefused(await verify(signature, expected), 'not_finalized');
    local.chain.setStatus(signature, 'finalized');
    expect(await verify(signature, expected)).toMatchObject({ ok: true });
  });

  it('answers not_found for a dropped transaction and for a malformed signature', async () => {
    const claim = newClaim(local.clock, 27);
    const signature = pay(claim);
    local.chain.drop(signature);
    expectRefused(await verify(signature, solExpectation(parties, claim)), 'not_found');
    expectRefused(await verify('not-a-signature', solExpectation(parties, claim)), 'not_found');
  });

  it('refuses expectations no payment could meet, loudly', () => {
    const claim = newClaim(local.clock, 28);
    expect(() => verifySolPayment(null, solExpectation(parties, claim, { minAmount: 0n }))).toThrow(
      RangeError,
    );
    expect(() => verifySolPayment(null, solExpectation(parties, claim, { recipient: 'nope' }))).toThrow(
      TypeError,
    );
  });
});
