import type { Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import {
  buildSiweMessage,
  type EvmSignInExpectation,
  type SiweMessageInput,
  verifyEvmSignIn,
} from '../../src';
import { DOMAIN, NONCE, NOW, STATEMENT, seconds, URI } from '../support/fixtures';

const account = privateKeyToAccount(generatePrivateKey());

const messageFor = (overrides: Partial<SiweMessageInput> = {}) =>
  buildSiweMessage({
    domain: DOMAIN,
    address: account.address,
    statement: STATEMENT,
    uri: URI,
    version: '1',
    chainId: 1,
    nonce: NONCE,
    issuedAt: NOW,
    expirationTime: seconds(300),
    ...overrides,
  });

const expected: EvmSignInExpectation = {
  domain: DOMAIN,
  uri: URI,
  nonce: NONCE,
  chainIdAllowList: [1, 80094],
  now: seconds(5),
  maxAgeSeconds: 300,
};

async function signed(overrides: Partial<SiweMessageInput> = {}, signer = account) {
  const message = messageFor(overrides);
  return { message, signature: await signer.signMessage({ message }) };
}

describe('buildSiweMessage', () => {
  it('writes EIP-4361 through viem, with the checksummed address', () => {
    const message = messageFor({ address: account.address.toLowerCase() as Hex });
    expect(message).toBe(
      [
        `${DOMAIN} wants you to sign in with your Ethereum account:`,
        account.address,
        '',
        STATEMENT,
        '',
        `URI: ${URI}`,
        'Version: 1',
        'Chain ID: 1',
        `Nonce: ${NONCE}`,
        'Issued At: 2025-06-01T12:00:00.000Z',
        'Expiration Time: 2025-06-01T12:05:00.000Z',
      ].join('\n'),
    );
  });

  it('refuses fields EIP-4361 forbids', () => {
    expect(() => messageFor({ nonce: 'short' })).toThrow();
    expect(() => messageFor({ statement: 'a\nb' })).toThrow();
    expect(() => messageFor({ issuedAt: new Date(Number.NaN) })).toThrow(TypeError);
  });
});

describe('verifyEvmSignIn with EOAs (EIP-191, locally)', () => {
  it('accepts a viem local account signature and returns the checksummed address', async () => {
    const { message, signature } = await signed();
    const result = await verifyEvmSignIn({
      message,
      signature,
      address: account.address.toLowerCase(),
      expected: { ...expected, address: account.address.toLowerCase(), issuedMessage: message },
    });
    expect(result).toEqual({ ok: true, chain: 'evm', address: account.address });
  });

  it('refuses a signature by another account, and a corrupted one', async () => {
    const { message } = await signed();
    const other = privateKeyToAccount(generatePrivateKey());
    expect(
      await verifyEvmSignIn({ message, signature: await other.signMessage({ message }), expected }),
    ).toMatchObject({ ok: false, reason: 'bad_signature' });
    const { signature } = await signed();
    const flipped =
      `${signature.slice(0, 10)}${signature[10] === 'a' ? 'b' : 'a'}${signature.slice(11)}` as Hex;
    expect(await verifyEvmSignIn({ message, signature: flipped, expected })).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a wrong address: claimed by the client or bound to the challenge', async () => {
    const { message, signature } = await signed();
    const stranger = privateKeyToAccount(generatePrivateKey()).address;
    expect(await verifyEvmSignIn({ message, signature, address: stranger, expected })).toMatchObject({
      ok: false,
      reason: 'wrong_address',
    });
    expect(
      await verifyEvmSignIn({ message, signature, expected: { ...expected, address: stranger } }),
    ).toMatchObject({
      ok: false,
      reason: 'wrong_address',
    });
  });

  it('refuses a tampered message: by signature, or by the issued text first', async () => {
    const { message, signature } = await signed();
    const tampered = message.replace('Puffy', 'Puffz');
    expect(await verifyEvmSignIn({ message: tampered, signature, expected })).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    const resigned = await account.signMessage({ message: tampered });
    expect(
      await verifyEvmSignIn({
        message: tampered,
        signature: resigned,
        expected: { ...expected, issuedMessage: message },
      }),
    ).toMatchObject({ ok: false, reason: 'message_mismatch' });
  });

  it('refuses a chain id outside the allow-list', async () => {
    const { message, signature } = await signed({ chainId: 137 });
    const result = await verifyEvmSignIn({ message, signature, expected });
    expect(result).toMatchObject({ ok: false, reason: 'unsupported_chain_id' });
    expect(result.ok ? '' : result.message).toContain('1 or 80094');
    const bera = await signed({ chainId: 80094 });
    expect(await verifyEvmSignIn({ ...bera, expected })).toMatchObject({ ok: true });
  });

  it('refuses an expired message, an old one, and one issued in the future', async () => {
    const { message, signature } = await signed();
    expect(
      await verifyEvmSignIn({ message, signature, expected: { ...expected, now: seconds(300) } }),
    ).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    const noExpiry = await signed({ expirationTime: undefined });
    expect(
      await verifyEvmSignIn({
        ...noExpiry,
        expected: { ...expected, now: seconds(301), maxAgeSeconds: 300 },
      }),
    ).toMatchObject({ ok: false, reason: 'expired' });
    const future = await signed({ issuedAt: seconds(120), expirationTime: seconds(400) });
    expect(await verifyEvmSignIn({ ...future, expected: { ...expected, now: NOW } })).toMatchObject({
      ok: false,
      reason: 'not_yet_valid',
    });
    const notBefore = await signed({ notBefore: seconds(200) });
    expect(await verifyEvmSignIn({ ...notBefore, expected })).toMatchObject({
      ok: false,
      reason: 'not_yet_valid',
    });
    const skewed = await signed({ issuedAt: seconds(30), expirationTime: seconds(400) });
    expect(await verifyEvmSignIn({ ...skewed, expected: { ...expected, now: NOW } })).toMatchObject({
      ok: true,
    });
  });

  it('refuses another nonce, domain or URI', async () => {
    const { message, signature } = await signed();
    const check = (overrides: Partial<EvmSignInExpectation>) =>
      verifyEvmSignIn({ message, signature, expected: { ...expected, ...overrides } });
    expect(await check({ nonce: 'OtherNonce123' })).toMatchObject({ ok: false, reason: 'nonce_mismatch' });
    expect(await check({ domain: 'evil.test' })).toMatchObject({ ok: false, reason: 'wrong_domain' });
    expect(await check({ uri: 'https://evil.test' })).toMatchObject({ ok: false, reason: 'wrong_domain' });
  });

  it('calls malformed what is not SIWE or not hex', async () => {
    const { message, signature } = await signed();
    expect(await verifyEvmSignIn({ message: 'hello', signature, expected })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(await verifyEvmSignIn({ message, signature: 'zz', expected })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(await verifyEvmSignIn({ message, signature: '0xabc', expected })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    const badChecksum = message.replace(account.address, mixCaseWrong(account.address));
    expect(await verifyEvmSignIn({ message: badChecksum, signature, expected })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    const v2 = message.replace('Version: 1', 'Version: 2');
    expect(await verifyEvmSignIn({ message: v2, signature, expected })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it('treats an empty chain allow-list as a programmer error', async () => {
    const { message, signature } = await signed();
    await expect(
      verifyEvmSignIn({ message, signature, expected: { ...expected, chainIdAllowList: [] } }),
    ).rejects.toThrow(RangeError);
  });
});

/** The address with the case of its first letter flipped, so its EIP-55 checksum no longer holds. */
function mixCaseWrong(address: string): string {
  const index = address.slice(2).search(/[a-fA-F]/) + 2;
  const char = address[index] ?? '';
  const flipped = char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase();
  return `${address.slice(0, index)}${flipped}${address.slice(index + 1)}`;
}
