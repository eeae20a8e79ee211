import { base58ByteLength, ZChallengeInput, ZSignInProof } from '@puffy/contracts';
import { Keypair } from '@solana/web3.js';
import { WalletContractV4 } from '@ton/ton';
import bs58 from 'bs58';
import fc from 'fast-check';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { newTonKeyPair } from './support/fixtures';

const messages = (
  value: unknown,
  schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } },
) => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

const solAddress = Keypair.generate().publicKey.toBase58();
const evmAddress = privateKeyToAccount(generatePrivateKey()).address;
const tonAddress = WalletContractV4.create({ workchain: 0, publicKey: newTonKeyPair().publicKey }).address;
const solProof = { chain: 'sol', address: solAddress, signature: bs58.encode(Buffer.alloc(64, 7)) };
const tonProof = {
  chain: 'ton',
  address: tonAddress.toRawString(),
  publicKey: 'ab'.repeat(32),
  proof: {
    timestamp: 1_750_000_000,
    domain: { lengthBytes: 4, value: 'a.io' },
    payload: 'p',
    signature: Buffer.alloc(64, 1).toString('base64'),
    stateInit: 'te6cckEBAQEAAgAAAEysuc0=',
  },
};

describe('base58ByteLength', () => {
  it('agrees with bs58 on every byte string', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = bs58.encode(bytes);
        if (text.length > 0) expect(base58ByteLength(text)).toBe(bytes.length);
      }),
    );
    expect(base58ByteLength('0OIl')).toBeNull();
  });
});

describe('ZSignInProof', () => {
  it('accepts each wallet family as its wallets return it', () => {
    expect(ZSignInProof.safeParse(solProof).success).toBe(true);
    expect(
      ZSignInProof.safeParse({
        chain: 'evm',
        address: evmAddress,
        message: 'm',
        signature: `0x${'1b'.repeat(65)}`,
      }).success,
    ).toBe(true);
    expect(ZSignInProof.safeParse(tonProof).success).toBe(true);
    expect(ZSignInProof.safeParse({ ...tonProof, address: tonAddress.toString() }).success).toBe(true);
  });

  it('says what is wrong with a Solana address or signature', () => {
    expect(messages({ ...solProof, address: bs58.encode(Buffer.alloc(31, 9)) }, ZSignInProof)).toEqual([
      'A Solana address must decode to 32 bytes, not 31',
    ]);
    expect(messages({ ...solProof, address: 'O0O0' }, ZSignInProof)[0]).toMatch(/must be base58/);
    expect(messages({ ...solProof, signature: bs58.encode(Buffer.alloc(65, 9)) }, ZSignInProof)[0]).toMatch(
      /too long|64 bytes/,
    );
  });

  it('says what is wrong with EVM hex', () => {
    const evm = { chain: 'evm', address: evmAddress, message: 'm', signature: '0x1b' };
    expect(messages({ ...evm, address: `${evmAddress}00` }, ZSignInProof)).toEqual([
      'An EVM address is 0x followed by 40 hex digits (20 bytes)',
    ]);
    expect(messages({ ...evm, signature: '0x123' }, ZSignInProof)[0]).toMatch(/even number of hex digits/);
    expect(messages({ ...evm, message: '' }, ZSignInProof)).toHaveLength(1);
  });

  it('says what is wrong with a ton_proof', () => {
    expect(messages({ ...tonProof, address: '0:1234' }, ZSignInProof)[0]).toMatch(
      /raw \(0:<64 hex digits>\)/,
    );
    expect(messages({ ...tonProof, publicKey: 'ab' }, ZSignInProof)[0]).toMatch(/64 hex digits/);
    const short = {
      ...tonProof,
      proof: { ...tonProof.proof, signature: Buffer.alloc(63).toString('base64') },
    };
    expect(messages(short, ZSignInProof)[0]).toMatch(/base64 of 64 bytes/);
    const fraction = { ...tonProof, proof: { ...tonProof.proof, timestamp: 1.5 } };
    expect(messages(fraction, ZSignInProof)[0]).toMatch(/whole seconds/);
  });
});

describe('ZChallengeInput', () => {
  it('needs the address for sol and evm, whose messages name it, and not for ton', () => {
    expect(messages({ chain: 'sol' }, ZChallengeInput)[0]).toMatch(/needs the wallet address/);
    expect(messages({ chain: 'evm', chainId: 1 }, ZChallengeInput)[0]).toMatch(/needs the wallet address/);
    expect(ZChallengeInput.safeParse({ chain: 'ton' }).success).toBe(true);
  });

  it("checks the address in its own chain's format, on the address field", () => {
    expect(ZChallengeInput.safeParse({ chain: 'sol', address: solAddress }).success).toBe(true);
    expect(ZChallengeInput.safeParse({ chain: 'evm', address: evmAddress, chainId: 80094 }).success).toBe(
      true,
    );
    const wrong = ZChallengeInput.safeParse({ chain: 'sol', address: evmAddress });
    expect(wrong.error?.issues[0]?.path).toEqual(['address']);
    expect(ZChallengeInput.safeParse({ chain: 'evm', address: solAddress }).success).toBe(false);
    expect(ZChallengeInput.safeParse({ chain: 'ton', address: 'nope' }).success).toBe(false);
    expect(ZChallengeInput.safeParse({ chain: 'btc', address: solAddress }).success).toBe(false);
    expect(ZChallengeInput.safeParse({ chain: 'evm', address: evmAddress, chainId: -1 }).success).toBe(false);
  });
});
