import { Keypair } from '@solana/web3.js';
import { WalletContractV5R1 } from '@ton/ton';
import bs58 from 'bs58';
import nacl from 'tweetnacl';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import {
  buildSiweMessage,
  buildSiwsMessage,
  createEd25519Verifier,
  type SignInExpectation,
  verifySignIn,
} from '../../src';
import {
  DOMAIN,
  makeTonProof,
  NONCE,
  NOW,
  newTonKeyPair,
  STATEMENT,
  seconds,
  URI,
} from '../support/fixtures';

const policy = {
  nonce: NONCE,
  domain: DOMAIN,
  uri: URI,
  now: seconds(5),
  maxAgeSeconds: 300,
  evmChainIds: [1],
  tonDomains: [DOMAIN],
};
const common = {
  domain: DOMAIN,
  uri: URI,
  nonce: NONCE,
  issuedAt: NOW,
  expirationTime: seconds(300),
  version: '1' as const,
};

async function solanaCase() {
  const keypair = Keypair.generate();
  const address = keypair.publicKey.toBase58();
  const message = buildSiwsMessage({ ...common, address, statement: STATEMENT, chainId: 'mainnet' });
  const signature = bs58.encode(nacl.sign.detached(Buffer.from(message), keypair.secretKey));
  const expected: SignInExpectation = { ...policy, chain: 'sol', challengeMessage: message, address };
  return { proof: { chain: 'sol' as const, address, signature }, expected };
}

async function evmCase() {
  const account = privateKeyToAccount(generatePrivateKey());
  const message = buildSiweMessage({ ...common, address: account.address, statement: STATEMENT, chainId: 1 });
  const signature = await account.signMessage({ message });
  const expected: SignInExpectation = {
    ...policy,
    chain: 'evm',
    challengeMessage: message,
    address: account.address,
  };
  return {
    proof: { chain: 'evm' as const, address: account.address.toLowerCase(), message, signature },
    expected,
    account,
  };
}

async function tonCase() {
  const keyPair = newTonKeyPair();
  const wallet = WalletContractV5R1.create({ publicKey: keyPair.publicKey });
  const proof = await makeTonProof({ keyPair, wallet });
  const expected: SignInExpectation = { ...policy, chain: 'ton', challengeMessage: NONCE, tonPayload: NONCE };
  return { proof, expected, wallet };
}

describe('verifySignIn', () => {
  it('dispatches each wallet family and returns its canonical address', async () => {
    const sol = await solanaCase();
    expect(await verifySignIn(sol.proof, sol.expected)).toEqual({
      ok: true,
      chain: 'sol',
      address: sol.proof.address,
    });
    const evm = await evmCase();
    expect(await verifySignIn(evm.proof, evm.expected)).toEqual({
      ok: true,
      chain: 'evm',
      address: evm.account.address,
    });
    const ton = await tonCase();
    expect(
      await verifySignIn(ton.proof, ton.expected, { ed25519: createEd25519Verifier({ maxCachedKeys: 8 }) }),
    ).toEqual({
      ok: true,
      chain: 'ton',
      address: ton.wallet.address.toString({ urlSafe: true, bounceable: true }),
      addressHex: ton.wallet.address.toRawString(),
    });
  });

  it('works with the policy as the API keeps it: no chain, a null address', async () => {
    const sol = await solanaCase();
    expect(await verifySignIn(sol.proof, { ...sol.expected, chain: undefined, address: null })).toMatchObject(
      { ok: true },
    );
  });

  it('refuses a proof for another chain than the challenge', async () => {
    const sol = await solanaCase();
    const evm = await evmCase();
    expect(await verifySignIn(sol.proof, evm.expected)).toMatchObject({ ok: false, reason: 'wrong_chain' });
  });

  it('verifies a Solana proof against the issued text, so the signature must cover it', async () => {
    const a = await solanaCase();
    const b = await solanaCase();
    // b's valid signature, presented against a's challenge.
    expect(await verifySignIn(b.proof, { ...a.expected, address: null })).toMatchObject({
      ok: false,
      reason: 'wrong_address',
    });
    expect(await verifySignIn({ ...a.proof, signature: b.proof.signature }, a.expected)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses an EVM message other than the issued one', async () => {
    const evm = await evmCase();
    const reissued = buildSiweMessage({
      ...common,
      address: evm.account.address,
      statement: 'Something else entirely.',
      chainId: 1,
    });
    const signature = await evm.account.signMessage({ message: reissued });
    expect(await verifySignIn({ ...evm.proof, message: reissued, signature }, evm.expected)).toMatchObject({
      ok: false,
      reason: 'message_mismatch',
    });
  });

  it('uses the TON payload, and the challenge message when no payload is given', async () => {
    const ton = await tonCase();
    expect(await verifySignIn(ton.proof, { ...ton.expected, tonPayload: undefined })).toMatchObject({
      ok: true,
    });
    expect(await verifySignIn(ton.proof, { ...ton.expected, tonPayload: 'otherPayload' })).toMatchObject({
      ok: false,
      reason: 'nonce_mismatch',
    });
  });

  it('names the bad field of a malformed proof', async () => {
    const result = await verifySignIn(
      { chain: 'sol', address: 'abc', signature: 'x' },
      (await solanaCase()).expected,
    );
    expect(result).toMatchObject({ ok: false, reason: 'malformed' });
    expect(result.ok ? '' : result.message).toMatch(/^The proof is not valid: address: A Solana address/);
    expect(await verifySignIn({ chain: 'btc' }, (await solanaCase()).expected)).toMatchObject({
      reason: 'malformed',
    });
    expect(await verifySignIn(null, (await solanaCase()).expected)).toMatchObject({ reason: 'malformed' });
  });
});
