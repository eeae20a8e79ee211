import { createHash } from 'node:crypto';
import { type Address, Cell, contractAddress, loadStateInit, type StateInit } from '@ton/core';
import { normalizeTonAddress, parseTonAddress, tonAddressForms } from '../addresses';
import { defaultEd25519Verifier, type Ed25519Verifier } from './ed25519';
import { assertPolicy, checkFreshness } from './freshness';
import { fail, type SignInFailure, type SignInResult } from './result';
import { readWalletPublicKey } from './ton-wallets';

/** `ton_proof` as TON Connect returns it (the wallet's stateInit travels inside it here). */
export interface TonProof {
  /** Unix seconds. */
  timestamp: number;
  domain: { lengthBytes: number; value: string };
  payload: string;
  /** base64 of the 64-byte Ed25519 signature. */
  signature: string;
  /** base64 bag of cells holding the wallet's StateInit. */
  stateInit: string;
}

export interface TonProofExpectation {
  /** The payload the server issued with the challenge. */
  payload: string;
  /** Hosts the app is served from, as TON Connect reports them in `domain.value`. */
  allowedDomains: readonly string[];
  now: Date;
  maxAgeSeconds: number;
  /** The address the challenge was issued to, when it was bound to one (any form). */
  address?: string | null | undefined;
  clockSkewSeconds?: number | undefined;
}

export interface TonProofInput {
  /** Raw `0:<hex>` or user-friendly. */
  address: string;
  /** Hex of the 32-byte Ed25519 key the wallet claims. */
  publicKey: string;
  proof: TonProof;
  expected: TonProofExpectation;
}

const PROOF_PREFIX = Buffer.from('ton-proof-item-v2/', 'utf8');
const CONNECT_PREFIX = Buffer.concat([Buffer.from([0xff, 0xff]), Buffer.from('ton-connect', 'utf8')]);
const MAX_STATE_INIT_CHARS = 16_384;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

/**
 * The bytes a TON wallet signs for a proof: sha256(0xffff ‖ "ton-connect" ‖ sha256(message)) where
 * message = "ton-proof-item-v2/" ‖ workchain (int32 BE) ‖ address hash ‖ domain length (uint32 LE) ‖
 * domain ‖ timestamp (uint64 LE) ‖ payload.
 */
export function tonProofSignedBytes(
  address: Address,
  proof: Pick<TonProof, 'timestamp' | 'domain' | 'payload'>,
): Buffer {
  const workchain = Buffer.alloc(4);
  workchain.writeInt32BE(address.workChain);
  const domain = Buffer.from(proof.domain.value, 'utf8');
  const domainLength = Buffer.alloc(4);
  domainLength.writeUInt32LE(domain.length);
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64LE(BigInt(proof.timestamp));
  const message = Buffer.concat([
    PROOF_PREFIX,
    workchain,
    address.hash,
    domainLength,
    domain,
    timestamp,
    Buffer.from(proof.payload, 'utf8'),
  ]);
  return sha256(Buffer.concat([CONNECT_PREFIX, sha256(message)]));
}

/**
 * A TON Connect `ton_proof`, checked the way the TON Connect specification asks: the stateInit hashes
 * to the address, it is a known wallet whose key equals the claimed one, the domain is ours, the
 * timestamp is fresh, the payload is the server's, and the key signed it all. Never throws for a bad proof.
 */
export function verifyTonProof(
  input: TonProofInput,
  deps: { ed25519?: Ed25519Verifier | undefined } = {},
): SignInResult {
  const { proof, expected } = input;
  assertPolicy(expected.now, expected.maxAgeSeconds);
  if (expected.allowedDomains.length === 0) throw new RangeError('allowedDomains must not be empty');
  const address = parseTonAddress(input.address);
  if (!address) return fail('malformed', 'The TON address is neither raw (0:<hex>) nor user-friendly.');
  if (!/^[0-9a-fA-F]{64}$/.test(input.publicKey)) {
    return fail('malformed', 'The TON public key must be 64 hex digits (32 bytes).');
  }
  const claimedKey = Buffer.from(input.publicKey, 'hex');
  const signature = decodeSignature(proof.signature);
  if (!signature) return fail('malformed', 'The ton_proof signature must be base64 of 64 bytes.');

  const walletFailure = checkWallet(address, claimedKey, proof.stateInit);
  if (walletFailure) return walletFailure;
  const proofFailure = checkProofFields(address, proof, expected);
  if (proofFailure) return proofFailure;

  const ed25519 = deps.ed25519 ?? defaultEd25519Verifier;
  if (!ed25519.verify(claimedKey, tonProofSignedBytes(address, proof), signature)) {
    return fail(
      'bad_signature',
      'The ton_proof signature does not match this wallet; connect the wallet again.',
    );
  }
  const forms = tonAddressForms(address);
  return { ok: true, chain: 'ton', address: forms.friendly, addressHex: forms.raw };
}

function decodeSignature(value: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === 64 ? bytes : null;
}

/** The stateInit is the address's, of a wallet we can read, holding the claimed key. */
function checkWallet(address: Address, claimedKey: Buffer, stateInitBase64: string): SignInFailure | null {
  const init = decodeStateInit(stateInitBase64);
  if (!init?.code || !init.data) {
    return fail('malformed', 'The wallet stateInit is not a bag of cells holding code and data.');
  }
  if (!contractAddress(address.workChain, init).hash.equals(address.hash)) {
    return fail(
      'state_init_mismatch',
      'The wallet stateInit does not belong to this address; reconnect the wallet.',
    );
  }
  let reading: ReturnType<typeof readWalletPublicKey>;
  try {
    reading = readWalletPublicKey(init.code, init.data);
  } catch {
    return fail('malformed', 'The wallet data cell cannot be read.');
  }
  if (reading.kind === 'unknown_code') {
    return fail(
      'unknown_wallet',
      'This wallet contract is not one we can check (use a standard v3R2, v4R2 or W5 wallet).',
    );
  }
  if (reading.kind === 'bad_data')
    return fail('malformed', `The ${reading.version} wallet data is too short.`);
  if (!reading.publicKey.equals(claimedKey)) {
    return fail(
      'public_key_mismatch',
      'The public key sent does not match the wallet contract; reconnect the wallet.',
    );
  }
  return null;
}

function decodeStateInit(value: string): StateInit | null {
  if (value.length > MAX_STATE_INIT_CHARS || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  try {
    return loadStateInit(Cell.fromBase64(value).beginParse());
  } catch {
    return null;
  }
}

function checkProofFields(
  address: Address,
  proof: TonProof,
  expected: TonProofExpectation,
): SignInFailure | null {
  if (expected.address) {
    const bound = normalizeTonAddress(expected.address);
    if (bound?.raw !== address.toRawString()) {
      return fail(
        'wrong_address',
        'This sign-in request was issued for another wallet; start again with this one.',
      );
    }
  }
  if (!expected.allowedDomains.includes(proof.domain.value)) {
    return fail('wrong_domain', `The proof is for ${proof.domain.value}; connect from this site instead.`);
  }
  if (proof.domain.lengthBytes !== Buffer.byteLength(proof.domain.value, 'utf8')) {
    return fail('malformed', 'The proof domain length does not match the domain.');
  }
  if (proof.payload !== expected.payload) {
    return fail('nonce_mismatch', 'The proof does not carry this sign-in request’s payload; start again.');
  }
  if (!Number.isSafeInteger(proof.timestamp) || proof.timestamp < 0) {
    return fail('malformed', 'The proof timestamp must be whole seconds.');
  }
  return checkFreshness({ issuedAt: new Date(proof.timestamp * 1000) }, expected);
}
