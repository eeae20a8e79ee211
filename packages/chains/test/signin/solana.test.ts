import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import {
  buildSiwsMessage,
  parseSiwsMessage,
  type SiwsMessageInput,
  verifySolanaSignature,
  verifySolanaSignIn,
} from '../../src';
import { DOMAIN, NONCE, NOW, STATEMENT, seconds, URI } from '../support/fixtures';

const keypair = Keypair.generate();
const address = keypair.publicKey.toBase58();

const messageInput = (overrides: Partial<SiwsMessageInput> = {}): SiwsMessageInput => ({
  domain: DOMAIN,
  address,
  statement: STATEMENT,
  uri: URI,
  version: '1',
  chainId: 'mainnet',
  nonce: NONCE,
  issuedAt: NOW,
  expirationTime: seconds(300),
  ...overrides,
});

const signText = (text: string, signer: Keypair = keypair) =>
  bs58.encode(nacl.sign.detached(Buffer.from(text, 'utf8'), signer.secretKey));

const expected = {
  domain: DOMAIN,
  nonce: NONCE,
  uri: URI,
  chainId: 'mainnet',
  now: seconds(10),
  maxAgeSeconds: 300,
};

describe('Sign-In With Solana message', () => {
  it('is written in the layout Phantom and the Wallet Standard use', () => {
    expect(buildSiwsMessage(messageInput())).toBe(
      [
        `${DOMAIN} wants you to sign in with your Solana account:`,
        address,
        '',
        STATEMENT,
        '',
        `URI: ${URI}`,
        'Version: 1',
        'Chain ID: mainnet',
        `Nonce: ${NONCE}`,
        'Issued At: 2025-06-01T12:00:00.000Z',
        'Expiration Time: 2025-06-01T12:05:00.000Z',
      ].join('\n'),
    );
  });

  it('reads back every field it writes', () => {
    const text = buildSiwsMessage(
      messageInput({ notBefore: NOW, requestId: 'req-1', resources: ['https://a.test/x', 'ipfs://b'] }),
    );
    const parsed = parseSiwsMessage(text);
    expect(parsed).toEqual({
      ok: true,
      fields: {
        domain: DOMAIN,
        address,
        statement: STATEMENT,
        uri: URI,
        version: '1',
        chainId: 'mainnet',
        nonce: NONCE,
        issuedAt: NOW,
        expirationTime: seconds(300),
        notBefore: NOW,
        requestId: 'req-1',
        resources: ['https://a.test/x', 'ipfs://b'],
      },
    });
  });

  it('reads messages without statement or fields, as wallets may write them', () => {
    expect(parseSiwsMessage(`${DOMAIN} wants you to sign in with your Solana account:\n${address}`)).toEqual({
      ok: true,
      fields: { domain: DOMAIN, address },
    });
    const noStatement = parseSiwsMessage(buildSiwsMessage(messageInput({ statement: undefined })));
    expect(noStatement).toMatchObject({ ok: true, fields: { nonce: NONCE } });
    expect(noStatement.ok ? noStatement.fields.statement : 'unparsed').toBeUndefined();
  });

  it('refuses texts with a second reading: fields out of order, repeated, or trailing', () => {
    const text = buildSiwsMessage(messageInput());
    const swapped = text.replace('Version: 1\nChain ID: mainnet', 'Chain ID: mainnet\nVersion: 1');
    expect(parseSiwsMessage(swapped).ok).toBe(false);
    expect(parseSiwsMessage(`${text}\nNonce: other12345`).ok).toBe(false);
    expect(parseSiwsMessage(`${text}\n`).ok).toBe(false);
    expect(
      parseSiwsMessage(text.replace('Issued At: 2025-06-01T12:00:00.000Z', 'Issued At: yesterday')).ok,
    ).toBe(false);
    expect(parseSiwsMessage('hello').ok).toBe(false);
    expect(parseSiwsMessage(text.replace(`\n\n${STATEMENT}\n\n`, '\n\n\n\n')).ok).toBe(false);
  });

  it('refuses to write what could not be read back', () => {
    expect(() => buildSiwsMessage(messageInput({ statement: 'two\nlines' }))).toThrow(TypeError);
    expect(() => buildSiwsMessage(messageInput({ statement: 'URI: https://evil.test' }))).toThrow(TypeError);
    expect(() => buildSiwsMessage(messageInput({ nonce: 'short' }))).toThrow(TypeError);
    expect(() => buildSiwsMessage(messageInput({ address: '0xabc' }))).toThrow(TypeError);
    expect(() => buildSiwsMessage(messageInput({ domain: 'evil.test wants' }))).toThrow(TypeError);
    expect(() => buildSiwsMessage(messageInput({ uri: 'not a uri' }))).toThrow(TypeError);
    expect(() => buildSiwsMessage(messageInput({ expirationTime: seconds(-1) }))).toThrow(RangeError);
  });
});

describe('verifySolanaSignIn', () => {
  const text = buildSiwsMessage(messageInput());
  const signature = signText(text);

  it('accepts a Keypair signature of the exact message and returns the base58 address', () => {
    expect(
      verifySolanaSignIn({
        message: text,
        address,
        signatureBase58: signature,
        expected: { ...expected, issuedMessage: text },
      }),
    ).toEqual({ ok: true, chain: 'sol', address });
  });

  it('refuses a wrong signature and a signature by another key', () => {
    const corrupted = bs58.decode(signature);
    corrupted[10] = (corrupted[10] ?? 0) ^ 0x01;
    expect(
      verifySolanaSignIn({ message: text, address, signatureBase58: bs58.encode(corrupted), expected }),
    ).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(
      verifySolanaSignIn({
        message: text,
        address,
        signatureBase58: signText(text, Keypair.generate()),
        expected,
      }),
    ).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a message tampered by one byte, even when the fields still check out', () => {
    const tampered = text.replace(STATEMENT, STATEMENT.replace('Puffy', 'Puffz'));
    expect(
      verifySolanaSignIn({ message: tampered, address, signatureBase58: signature, expected }),
    ).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    // And when the server compares the issued text, before any signature work.
    expect(
      verifySolanaSignIn({
        message: tampered,
        address,
        signatureBase58: signText(tampered),
        expected: { ...expected, issuedMessage: text },
      }),
    ).toMatchObject({ ok: false, reason: 'message_mismatch' });
  });

  it('refuses another domain, URI, nonce, chain or address', () => {
    const check = (overrides: Partial<typeof expected> & { address?: string }) =>
      verifySolanaSignIn({
        message: text,
        address,
        signatureBase58: signature,
        expected: { ...expected, ...overrides },
      });
    expect(check({ domain: 'other.test' })).toMatchObject({ ok: false, reason: 'wrong_domain' });
    expect(check({ uri: 'https://other.test' })).toMatchObject({ ok: false, reason: 'wrong_domain' });
    expect(check({ nonce: 'AnotherNonce99' })).toMatchObject({ ok: false, reason: 'nonce_mismatch' });
    expect(check({ chainId: 'devnet' })).toMatchObject({ ok: false, reason: 'unsupported_chain_id' });
    expect(check({ address: Keypair.generate().publicKey.toBase58() })).toMatchObject({
      ok: false,
      reason: 'wrong_address',
    });
  });

  it('refuses a proof whose claimed address is not the one in the message', () => {
    const other = Keypair.generate();
    const result = verifySolanaSignIn({
      message: text,
      address: other.publicKey.toBase58(),
      signatureBase58: signText(text, other),
      expected,
    });
    expect(result).toMatchObject({ ok: false, reason: 'wrong_address' });
  });

  it('enforces the time window: expiry, age and issue time in the future', () => {
    const check = (now: Date, maxAgeSeconds = 300, message = text) =>
      verifySolanaSignIn({
        message,
        address,
        signatureBase58: signText(message),
        expected: { ...expected, now, maxAgeSeconds },
      });
    expect(check(seconds(299))).toMatchObject({ ok: true });
    expect(check(seconds(300))).toMatchObject({ ok: false, reason: 'expired' });
    expect(check(seconds(120), 60)).toMatchObject({ ok: false, reason: 'expired' });
    expect(check(seconds(-61))).toMatchObject({ ok: false, reason: 'not_yet_valid' });
    expect(check(seconds(-30))).toMatchObject({ ok: true });
    const notBefore = buildSiwsMessage(messageInput({ notBefore: seconds(100) }));
    expect(check(seconds(10), 300, notBefore)).toMatchObject({ ok: false, reason: 'not_yet_valid' });
    const noIssuedAt = text.replace(/\nIssued At: .*\n/, '\n');
    expect(check(seconds(10), 300, noIssuedAt)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('treats a broken policy as a programmer error', () => {
    expect(() =>
      verifySolanaSignIn({
        message: text,
        address,
        signatureBase58: signature,
        expected: { ...expected, maxAgeSeconds: 0 },
      }),
    ).toThrow(RangeError);
    expect(() =>
      verifySolanaSignIn({
        message: text,
        address,
        signatureBase58: signature,
        expected: { ...expected, now: new Date(Number.NaN) },
      }),
    ).toThrow(TypeError);
  });
});

describe('verifySolanaSignature', () => {
  it('checks Ed25519 over the UTF-8 bytes, including non-ASCII text', () => {
    const text = 'Grüße — 署名 🚀';
    expect(verifySolanaSignature({ message: text, address, signatureBase58: signText(text) })).toEqual({
      ok: true,
      chain: 'sol',
      address,
    });
    const latin1 = bs58.encode(nacl.sign.detached(Buffer.from(text, 'latin1'), keypair.secretKey));
    expect(verifySolanaSignature({ message: text, address, signatureBase58: latin1 }).ok).toBe(false);
  });

  it('explains malformed keys and signatures', () => {
    expect(
      verifySolanaSignature({ message: 'x', address: 'abc', signatureBase58: signText('x') }),
    ).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(
      verifySolanaSignature({ message: 'x', address, signatureBase58: bs58.encode(Buffer.alloc(63, 1)) }),
    ).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifySolanaSignature({ message: 'x', address, signatureBase58: '0OIl' })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
});
