import { randomBytes } from 'node:crypto';
import { ZChallengeInput, ZSignInFailureReason, ZSignInProof } from '@puffy/contracts';
import { Keypair } from '@solana/web3.js';
import { WalletContractV4 } from '@ton/ton';
import bs58 from 'bs58';
import fc from 'fast-check';
import nacl from 'tweetnacl';
import { bytesToHex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import {
  buildSiweMessage,
  buildSiwsMessage,
  parseSiwsMessage,
  type SignInExpectation,
  type SignInResult,
  verifyEvmSignIn,
  verifySignIn,
} from '../src';
import { DOMAIN, makeTonProof, NONCE, NOW, newTonKeyPair, seconds, URI } from './support/fixtures';

const policy: SignInExpectation = {
  challengeMessage: NONCE,
  nonce: NONCE,
  domain: DOMAIN,
  uri: URI,
  now: seconds(5),
  maxAgeSeconds: 300,
  evmChainIds: [1],
  tonDomains: [DOMAIN],
};

const expectRefusal = (result: SignInResult) => {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(ZSignInFailureReason.options).toContain(result.reason);
    expect(result.message.length).toBeGreaterThan(10);
  }
};

const keypair = Keypair.generate();
const solAddress = keypair.publicKey.toBase58();
const siws = buildSiwsMessage({
  domain: DOMAIN,
  address: solAddress,
  uri: URI,
  version: '1',
  chainId: 'mainnet',
  nonce: NONCE,
  issuedAt: NOW,
});
const account = privateKeyToAccount(generatePrivateKey());
const siwe = buildSiweMessage({
  domain: DOMAIN,
  address: account.address,
  uri: URI,
  version: '1',
  chainId: 1,
  nonce: NONCE,
  issuedAt: NOW,
});

describe('random signatures never verify', () => {
  it('Solana: 64 random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 64, maxLength: 64 }), async (bytes) => {
        expectRefusal(
          await verifySignIn(
            { chain: 'sol', address: solAddress, signature: bs58.encode(bytes) },
            { ...policy, challengeMessage: siws },
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('EVM: random bytes of any length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 200 }), async (bytes) => {
        const proof = { chain: 'evm', address: account.address, message: siwe, signature: bytesToHex(bytes) };
        expectRefusal(await verifySignIn(proof, { ...policy, challengeMessage: siwe }));
      }),
      { numRuns: 200 },
    );
  });

  it('TON: 64 random bytes in an otherwise valid proof', async () => {
    const keyPair = newTonKeyPair();
    const valid = await makeTonProof({
      keyPair,
      wallet: WalletContractV4.create({ workchain: 0, publicKey: keyPair.publicKey }),
    });
    expect((await verifySignIn(valid, policy)).ok).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 64, maxLength: 64 }), async (bytes) => {
        const proof = {
          ...valid,
          proof: { ...valid.proof, signature: Buffer.from(bytes).toString('base64') },
        };
        expectRefusal(await verifySignIn(proof, policy));
      }),
      { numRuns: 200 },
    );
  });

  it('a signed SIWS message changed by one character never verifies', async () => {
    const signature = bs58.encode(nacl.sign.detached(Buffer.from(siws), keypair.secretKey));
    expect(
      (
        await verifySignIn(
          { chain: 'sol', address: solAddress, signature },
          { ...policy, challengeMessage: siws },
        )
      ).ok,
    ).toBe(true);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: siws.length - 1 }),
        fc.string({ minLength: 1, maxLength: 1 }),
        async (index, char) => {
          fc.pre(siws[index] !== char);
          const changed = `${siws.slice(0, index)}${char}${siws.slice(index + 1)}`;
          expectRefusal(
            await verifySignIn(
              { chain: 'sol', address: solAddress, signature },
              { ...policy, challengeMessage: changed },
            ),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('random input never crashes a parser, and always gets a reason', () => {
  it('parseSiwsMessage', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom(siws, `${siws}\n`)),
        (text) => {
          const parsed = parseSiwsMessage(text);
          if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(5);
        },
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('URI: x', 'Version: 1', 'Nonce: abcdefgh', 'Resources:', '- r', '', 'x'), {
          maxLength: 12,
        }),
        (lines) => {
          parseSiwsMessage(
            [`${DOMAIN} wants you to sign in with your Solana account:`, solAddress, ...lines].join('\n'),
          );
        },
      ),
    );
  });

  it('verifyEvmSignIn on random text', async () => {
    const signature = await account.signMessage({ message: siwe });
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 600 }), async (text) => {
        const expected = {
          domain: DOMAIN,
          uri: URI,
          nonce: NONCE,
          chainIdAllowList: [1],
          now: seconds(5),
          maxAgeSeconds: 300,
        };
        expectRefusal(await verifyEvmSignIn({ message: `${siwe.slice(0, 60)}${text}`, signature, expected }));
        expectRefusal(await verifyEvmSignIn({ message: text, signature, expected }));
      }),
      { numRuns: 300 },
    );
  });

  it('verifySignIn on anything at all', async () => {
    const proofLike = fc.oneof(
      fc.anything(),
      fc.record({
        chain: fc.constantFrom('sol', 'evm', 'ton'),
        address: fc.string(),
        signature: fc.string(),
        message: fc.string(),
      }),
      fc.record({
        chain: fc.constant('ton'),
        address: fc.oneof(fc.string(), fc.constant(`0:${'ab'.repeat(32)}`)),
        publicKey: fc.oneof(fc.string(), fc.constant('cd'.repeat(32))),
        proof: fc.record({
          timestamp: fc.oneof(fc.integer(), fc.double()),
          domain: fc.record({ lengthBytes: fc.integer(), value: fc.string() }),
          payload: fc.string(),
          signature: fc.oneof(fc.string(), fc.constant(randomBytes(64).toString('base64'))),
          stateInit: fc.oneof(fc.string(), fc.base64String({ maxLength: 400 })),
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(proofLike, async (proof) => {
        expectRefusal(await verifySignIn(proof, policy));
      }),
      { numRuns: 1000 },
    );
  });

  it('the wire schemas', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        ZSignInProof.safeParse(value);
        ZChallengeInput.safeParse(value);
      }),
      { numRuns: 1000 },
    );
  });
});
