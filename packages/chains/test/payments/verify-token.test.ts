import { Keypair, PublicKey } from '@solana/web3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  associatedTokenAddress,
  loadPaymentTransaction,
  orderMemo,
  type PaymentVerification,
  type TokenPaymentExpectation,
  verifyTokenPayment,
} from '../../src/payments';
import { type LocalSolana, startLocalSolanaRpc } from './support/local-solana';
import {
  createTreasuryAccount,
  fundedParties,
  memoInstruction,
  newOrder,
  ORDER_TOTAL,
  type Order,
  type Parties,
  signLegacy,
  signV0,
  tokenExpectation,
  usdtTransfer,
} from './support/payments';

let local: LocalSolana;
let parties: Parties;
let usdt: PublicKey;
let otherToken: PublicKey;

beforeAll(async () => {
  local = await startLocalSolanaRpc();
  parties = fundedParties(local.chain);
  // The mainnet USDT mint address, as development configuration names it.
  usdt = new PublicKey(
    local.chain.createMint({ decimals: 6, address: 'Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB' }),
  );
  otherToken = new PublicKey(local.chain.createMint({ decimals: 6 }));
  for (const keypair of [parties.member, parties.stranger]) {
    local.chain.mintTo(usdt.toBase58(), keypair.publicKey.toBase58(), 10_000_000_000n);
    local.chain.mintTo(otherToken.toBase58(), keypair.publicKey.toBase58(), 10_000_000_000n);
  }
});
afterAll(() => local.close());

async function verify(signature: string, expected: TokenPaymentExpectation): Promise<PaymentVerification> {
  return verifyTokenPayment(await loadPaymentTransaction(local.rpc, signature), expected);
}

function expectRefused(result: PaymentVerification, reason: string) {
  expect(result).toMatchObject({ ok: false, reason });
}

const member = () => parties.member.publicKey;
const treasury = () => parties.treasury.publicKey;

/** Memo, the treasury's token account made if missing, and the transferChecked with the reference. */
function orderPayment(order: Order, overrides: Partial<Parameters<typeof usdtTransfer>[0]> = {}) {
  return [
    memoInstruction(order.memo),
    createTreasuryAccount(member(), treasury(), overrides.mint ?? usdt),
    usdtTransfer({
      mint: usdt,
      owner: member(),
      toOwner: treasury(),
      amount: ORDER_TOTAL,
      reference: order.reference,
      ...overrides,
    }),
  ];
}

const pay = (instructions: ReturnType<typeof orderPayment>, signers: Keypair[] = []) =>
  local.chain.send(signLegacy(local.chain, parties.member, instructions, signers));

describe('verifyTokenPayment (USDT) against the local chain', () => {
  it('accepts a transferChecked into a treasury token account created in the same transaction', async () => {
    const order = newOrder(local.clock);
    const treasuryAccount = associatedTokenAddress(treasury().toBase58(), usdt.toBase58());
    expect(local.chain.tokenBalance(treasury().toBase58(), usdt.toBase58())).toBe(0n);
    const signature = pay(orderPayment(order));
    const loaded = await loadPaymentTransaction(local.rpc, signature);
    const index = loaded?.accountKeys.findIndex((key) => key.address === treasuryAccount) ?? -1;
    expect(loaded?.preTokenBalances.some((b) => b.accountIndex === index)).toBe(false);
    expect(verifyTokenPayment(loaded, tokenExpectation(parties, order, usdt))).toMatchObject({
      ok: true,
      signature,
      amount: ORDER_TOTAL,
      surplus: 0n,
      mint: usdt.toBase58(),
    });
    expect(local.chain.tokenBalance(treasury().toBase58(), usdt.toBase58())).toBe(ORDER_TOTAL);
  });

  it('accepts a plain transfer (not checked) and records the surplus', async () => {
    const order = newOrder(local.clock, 'order-2');
    const signature = pay(orderPayment(order, { checked: false, amount: ORDER_TOTAL + 500n }));
    expect(await verify(signature, tokenExpectation(parties, order, usdt))).toMatchObject({
      ok: true,
      amount: ORDER_TOTAL + 500n,
      surplus: 500n,
    });
  });

  it('refuses another token paid into the treasury', async () => {
    const order = newOrder(local.clock, 'order-3');
    const checked = pay(orderPayment(order, { mint: otherToken }));
    expectRefused(await verify(checked, tokenExpectation(parties, order, usdt)), 'wrong_mint');
    const unchecked = pay(orderPayment(order, { mint: otherToken, checked: false }));
    expectRefused(await verify(unchecked, tokenExpectation(parties, order, usdt)), 'wrong_mint');
  });

  it("refuses USDT paid to another wallet's token account", async () => {
    const order = newOrder(local.clock, 'order-4');
    const signature = pay([
      memoInstruction(order.memo),
      createTreasuryAccount(member(), parties.stranger.publicKey, usdt),
      usdtTransfer({
        mint: usdt,
        owner: member(),
        toOwner: parties.stranger.publicKey,
        amount: ORDER_TOTAL,
        reference: order.reference,
      }),
    ]);
    expectRefused(await verify(signature, tokenExpectation(parties, order, usdt)), 'wrong_recipient');
  });

  it('refuses a short amount, and a balance that rose by less than the instruction claims', async () => {
    const order = newOrder(local.clock, 'order-5');
    const short = pay(orderPayment(order, { amount: ORDER_TOTAL - 1n }));
    expectRefused(await verify(short, tokenExpectation(parties, order, usdt)), 'amount_too_small');
    const clawedBack = pay(
      [
        ...orderPayment(order),
        usdtTransfer({
          mint: usdt,
          owner: treasury(),
          toOwner: parties.stranger.publicKey,
          amount: ORDER_TOTAL / 2n,
        }),
      ],
      [parties.treasury],
    );
    const result = await verify(clawedBack, tokenExpectation(parties, order, usdt));
    expectRefused(result, 'amount_too_small');
    expect(result.ok ? '' : result.message).toContain('treasury received only 49.5 USDT');
  });

  it("refuses when the treasury's balance rose enough but the member's own transfer is short", async () => {
    const order = newOrder(local.clock, 'order-14');
    const signature = pay(
      [
        ...orderPayment(order, { amount: 1n }),
        usdtTransfer({
          mint: usdt,
          owner: parties.stranger.publicKey,
          toOwner: treasury(),
          amount: ORDER_TOTAL,
        }),
      ],
      [parties.stranger],
    );
    expectRefused(await verify(signature, tokenExpectation(parties, order, usdt)), 'amount_too_small');
  });

  it("refuses USDT taken from another wallet's account, though the member paid the fee", async () => {
    const order = newOrder(local.clock, 'order-6');
    const signature = pay(orderPayment(order, { owner: parties.stranger.publicKey }), [parties.stranger]);
    expectRefused(await verify(signature, tokenExpectation(parties, order, usdt)), 'wrong_payer');
  });

  it('refuses a memo naming another order, and one that is missing', async () => {
    const order = newOrder(local.clock, 'order-7');
    const [, create, transfer] = orderPayment(order);
    if (!create || !transfer) throw new Error('unreachable');
    const other = pay([memoInstruction(orderMemo({ orderId: 'order-8' })), create, transfer]);
    expectRefused(await verify(other, tokenExpectation(parties, order, usdt)), 'memo_mismatch');
    const none = pay(orderPayment(order).slice(1));
    expectRefused(await verify(none, tokenExpectation(parties, order, usdt)), 'memo_missing');
  });

  it('refuses a payment without the reference', async () => {
    const order = newOrder(local.clock, 'order-9');
    const signature = pay(orderPayment(order, { reference: undefined }));
    expectRefused(await verify(signature, tokenExpectation(parties, order, usdt)), 'reference_missing');
  });

  it('refuses a transaction that failed on chain (not enough USDT)', async () => {
    const order = newOrder(local.clock, 'order-10');
    const poor = Keypair.generate();
    local.chain.airdrop(poor.publicKey.toBase58(), 1_000_000_000n);
    local.chain.mintTo(usdt.toBase58(), poor.publicKey.toBase58(), 1_000_000n);
    const transaction = signLegacy(local.chain, poor, [
      memoInstruction(order.memo),
      usdtTransfer({
        mint: usdt,
        owner: poor.publicKey,
        toOwner: treasury(),
        amount: ORDER_TOTAL,
        reference: order.reference,
      }),
    ]);
    const signature = local.chain.send(transaction, { skipPreflight: true });
    const expected = tokenExpectation(parties, order, usdt, { payer: poor.publicKey.toBase58() });
    const loaded = await loadPaymentTransaction(local.rpc, signature);
    expect(loaded?.err).toEqual({ InstructionError: [1, { Custom: 1 }] });
    expectRefused(verifyTokenPayment(loaded, expected), 'failed');
  });

  it('refuses a payment made before the order existed', async () => {
    const early = newOrder(local.clock, 'order-11');
    const signature = pay(orderPayment(early));
    local.clock.advance(5_000);
    const order = { ...early, createdAt: local.clock.now() };
    expectRefused(await verify(signature, tokenExpectation(parties, order, usdt)), 'outside_window');
  });

  it('accepts a version-0 payment whose mint, treasury account and reference come from a lookup table', async () => {
    const order = newOrder(local.clock, 'order-12');
    const treasuryAccount = new PublicKey(associatedTokenAddress(treasury().toBase58(), usdt.toBase58()));
    const transaction = signV0(
      local.chain,
      parties.member,
      [
        memoInstruction(order.memo),
        usdtTransfer({
          mint: usdt,
          owner: member(),
          toOwner: treasury(),
          amount: ORDER_TOTAL,
          reference: order.reference,
        }),
      ],
      [treasuryAccount, usdt, order.reference],
    );
    const signature = local.chain.send(transaction);
    const loaded = await loadPaymentTransaction(local.rpc, signature);
    expect(loaded?.version).toBe(0);
    expect(loaded?.accountKeys.at(-1)).toEqual({
      address: order.reference.toBase58(),
      signer: false,
      writable: false,
    });
    expect(verifyTokenPayment(loaded, tokenExpectation(parties, order, usdt))).toMatchObject({ ok: true });
  });

  it('answers not_finalized until the payment is finalized when finality is required', async () => {
    const order = newOrder(local.clock, 'order-13');
    const signature = pay(orderPayment(order));
    const expected = tokenExpectation(parties, order, usdt, { commitment: 'finalized' });
    expectRefused(await verify(signature, expected), 'not_finalized');
    local.chain.setStatus(signature, 'finalized');
    expect(await verify(signature, expected)).toMatchObject({ ok: true });
  });
});
