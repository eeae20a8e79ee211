import bs58 from 'bs58';
import { decodeSolanaAddress } from '../addresses';
import { defaultEd25519Verifier, type Ed25519Verifier } from './ed25519';
import { assertPolicy, checkFreshness } from './freshness';
import { fail, type SignInResult } from './result';
import { parseSiwsMessage } from './siws-message';

export interface SolanaSignatureInput {
  /** The exact text the wallet signed; its UTF-8 bytes are what Ed25519 covers. */
  message: string;
  address: string;
  signatureBase58: string;
}

export interface SolanaSignInExpectation {
  domain: string;
  nonce: string;
  now: Date;
  /** How old the message's Issued At may be, normally the challenge lifetime. */
  maxAgeSeconds: number;
  uri?: string | undefined;
  chainId?: string | undefined;
  /** The address the challenge was issued to, when it was bound to one. */
  address?: string | null | undefined;
  /** The exact text the server issued; the signed text must equal it. */
  issuedMessage?: string | undefined;
  clockSkewSeconds?: number | undefined;
}

export interface SolanaSignInDeps {
  ed25519?: Ed25519Verifier | undefined;
}

const MAX_MESSAGE_CHARS = 4096;

/** Ed25519 over the exact UTF-8 bytes of the message by the key the address encodes. Never throws. */
export function verifySolanaSignature(
  input: SolanaSignatureInput,
  deps: SolanaSignInDeps = {},
): SignInResult {
  const publicKey = decodeSolanaAddress(input.address);
  if (!publicKey) return fail('malformed', 'The Solana address is not base58 of a 32-byte public key.');
  const signature = bs58.decodeUnsafe(input.signatureBase58);
  if (signature?.length !== 64) return fail('malformed', 'The signature is not base58 of 64 bytes.');
  if (input.message.length > MAX_MESSAGE_CHARS) return fail('malformed', 'The signed message is too long.');
  const ed25519 = deps.ed25519 ?? defaultEd25519Verifier;
  if (!ed25519.verify(publicKey, Buffer.from(input.message, 'utf8'), signature)) {
    return fail(
      'bad_signature',
      'The signature does not match this message and wallet; sign the message again.',
    );
  }
  return { ok: true, chain: 'sol', address: bs58.encode(publicKey) };
}

/**
 * A Sign-In With Solana proof: the fields read back from the message (address, domain, URI, chain,
 * nonce, time window), the exact text the server issued, and the signature.
 */
export function verifySolanaSignIn(
  input: SolanaSignatureInput & { expected: SolanaSignInExpectation },
  deps: SolanaSignInDeps = {},
): SignInResult {
  const { expected } = input;
  assertPolicy(expected.now, expected.maxAgeSeconds);
  if (input.message.length > MAX_MESSAGE_CHARS) return fail('malformed', 'The signed message is too long.');
  const parsed = parseSiwsMessage(input.message);
  if (!parsed.ok) return fail('malformed', parsed.message);
  const fields = parsed.fields;

  if (fields.address !== input.address) {
    return fail('wrong_address', 'The message names a different wallet than the one that signed it.');
  }
  if (expected.address && expected.address !== input.address) {
    return fail(
      'wrong_address',
      'This sign-in request was issued for another wallet; start again with this one.',
    );
  }
  if (fields.domain !== expected.domain) {
    return fail(
      'wrong_domain',
      `The message is for ${fields.domain}, not ${expected.domain}; sign in from this site.`,
    );
  }
  if (expected.uri !== undefined && fields.uri !== expected.uri) {
    return fail('wrong_domain', `The message names the URI ${fields.uri ?? '(none)'}, not ${expected.uri}.`);
  }
  if (fields.version !== '1') return fail('malformed', 'The message must carry Version: 1.');
  if (expected.chainId !== undefined && fields.chainId !== expected.chainId) {
    return fail(
      'unsupported_chain_id',
      `Sign in on Solana ${expected.chainId}, not ${fields.chainId ?? '(none)'}.`,
    );
  }
  if (fields.nonce !== expected.nonce) {
    return fail('nonce_mismatch', 'The message does not carry this sign-in request’s nonce; start again.');
  }
  if (!fields.issuedAt) return fail('malformed', 'The message has no Issued At time.');
  const stale = checkFreshness({ ...fields, issuedAt: fields.issuedAt }, expected);
  if (stale) return stale;
  if (expected.issuedMessage !== undefined && expected.issuedMessage !== input.message) {
    return fail(
      'message_mismatch',
      'The signed message differs from the one this site issued; sign it unchanged.',
    );
  }
  return verifySolanaSignature(input, deps);
}
