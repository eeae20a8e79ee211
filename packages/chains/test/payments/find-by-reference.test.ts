import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPaymentByReference, findVerifiedPayment, nftMemo } from '../../src/payments';
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

const windowOf = (claim: Claim) => ({
  notBefore: claim.claimedAt,
  notAfter: new Date(claim.claimedAt.getTime() + PAYMENT_WINDOW_MS),
});

/** Someone else's transaction that carries the claim's reference (references are public). */
function spam(claim: Claim, options: { skipPreflight?: boolean; lamports?: bigint } = {}) {
  const transaction = signLegacy(local.chain, parties.stranger, [
    memoInstruction(nftMemo({ nftId: 999, userId: 'spam' })),
    solTransfer(
      parties.stranger.publicKey,
      parties.treasury.publicKey,
      options.lamports ?? 1n,
      claim.reference,
    ),
  ]);
  return local.chain.send(transaction, { skipPreflight: options.skipPreflight ?? false });
}

const pay = (claim: Claim) =>
  local.chain.send(signLegacy(local.chain, parties.member, solPayment(parties, claim)));

describe('finding a payment whose signature was never reported', () => {
  it('lists the successful transactions carrying the reference inside the window, oldest first', async () => {
    const claim = newClaim(local.clock);
    const before = spam(claim);
    local.clock.advance(1_000);
    const claimNow = { ...claim, claimedAt: local.clock.now() };
    const first = spam(claimNow);
    local.clock.advance(1_000);
    const payment = pay(claimNow);
    const failed = spam(claimNow, { skipPreflight: true, lamports: 10n ** 15n });
    local.clock.advance(PAYMENT_WINDOW_MS);
    const late = spam(claimNow);

    const candidates = await findPaymentByReference(
      local.rpc,
      claim.reference.toBase58(),
      windowOf(claimNow),
    );
    expect(candidates.map((c) => c.signature)).toEqual([first, payment]);
    expect(candidates.map((c) => c.signature)).not.toContain(before);
    expect(candidates.map((c) => c.signature)).not.toContain(failed);
    expect(candidates.map((c) => c.signature)).not.toContain(late);
    expect(candidates[1]).toMatchObject({ confirmationStatus: 'confirmed', blockTime: expect.any(Date) });
  });

  it('pages through a reference with more transactions than one page holds', async () => {
    const claim = newClaim(local.clock, 2);
    const signatures = [spam(claim), spam(claim), pay(claim), spam(claim), spam(claim)];
    const candidates = await findPaymentByReference(local.rpc, claim.reference.toBase58(), windowOf(claim), {
      pageSize: 2,
    });
    expect(candidates.map((c) => c.signature)).toEqual(signatures);
    const capped = await findPaymentByReference(local.rpc, claim.reference.toBase58(), windowOf(claim), {
      pageSize: 2,
      maxPages: 1,
    });
    expect(capped.map((c) => c.signature)).toEqual(signatures.slice(3));
  });

  it("finds the member's payment among others' transactions that carry the same reference", async () => {
    const claim = newClaim(local.clock, 3);
    spam(claim);
    const payment = pay(claim);
    spam(claim);
    const result = await findVerifiedPayment(local.rpc, {
      kind: 'sol',
      expected: solExpectation(parties, claim),
    });
    expect(result).toMatchObject({ ok: true, signature: payment, amount: GAS_FEE });
  });

  it('answers not_found when nothing carries the reference, and a refusal when only spam does', async () => {
    const quiet = newClaim(local.clock, 4);
    expect(
      await findVerifiedPayment(local.rpc, { kind: 'sol', expected: solExpectation(parties, quiet) }),
    ).toMatchObject({ ok: false, reason: 'not_found' });
    const spammed = newClaim(local.clock, 5);
    spam(spammed);
    expect(
      await findVerifiedPayment(local.rpc, { kind: 'sol', expected: solExpectation(parties, spammed) }),
    ).toMatchObject({ ok: false, reason: 'wrong_payer' });
  });

  it('prefers a payment that is only waiting for finality over spam that came after it', async () => {
    const claim = newClaim(local.clock, 6);
    const payment = pay(claim);
    spam(claim);
    const expected = solExpectation(parties, claim, { commitment: 'finalized' });
    expect(await findVerifiedPayment(local.rpc, { kind: 'sol', expected })).toMatchObject({
      ok: false,
      reason: 'not_finalized',
    });
    local.chain.setStatus(payment, 'finalized');
    expect(await findVerifiedPayment(local.rpc, { kind: 'sol', expected })).toMatchObject({ ok: true });
  });

  it('throws UpstreamError when the node is down, rather than reporting no payment', async () => {
    const claim = newClaim(local.clock, 7);
    local.chain.setAvailability('down');
    try {
      await expect(
        findPaymentByReference(local.rpc, claim.reference.toBase58(), windowOf(claim)),
      ).rejects.toMatchObject({ name: 'UpstreamError' });
    } finally {
      local.chain.setAvailability('up');
    }
    await expect(findPaymentByReference(local.rpc, 'nope', windowOf(claim))).rejects.toThrow(TypeError);
  });
});
