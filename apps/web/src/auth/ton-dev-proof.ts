import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { beginCell, storeStateInit } from '@ton/core';
// The class file alone: @ton/ton's index also pulls its HTTP clients, which a browser wallet never needs.
import { WalletContractV4 } from '@ton/ton/dist/wallets/v4/WalletContractV4';
import type { TonProofReply } from './connectors';

const encoder = new TextEncoder();
const PROOF_PREFIX = encoder.encode('ton-proof-item-v2/');
const CONNECT_PREFIX = new Uint8Array([0xff, 0xff, ...encoder.encode('ton-connect')]);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function toBase64(bytes: Uint8Array): string {
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * What a TON wallet signs for `ton_proof`: sha256(0xffff ‖ "ton-connect" ‖ sha256(message)), where
 * message = "ton-proof-item-v2/" ‖ workchain (int32 BE) ‖ address hash ‖ domain length (uint32 LE) ‖
 * domain ‖ timestamp (uint64 LE) ‖ payload, as the TON Connect specification defines it.
 */
export function tonProofDigest(input: {
  workchain: number;
  addressHash: Uint8Array;
  domain: string;
  timestamp: number;
  payload: string;
}): Uint8Array {
  const domain = encoder.encode(input.domain);
  const fields = new DataView(new ArrayBuffer(4 + 4 + 8));
  fields.setInt32(0, input.workchain, false);
  fields.setUint32(4, domain.length, true);
  fields.setBigUint64(8, BigInt(input.timestamp), true);
  const bytes = new Uint8Array(fields.buffer);
  const message = concat(
    PROOF_PREFIX,
    bytes.subarray(0, 4),
    input.addressHash,
    bytes.subarray(4, 8),
    domain,
    bytes.subarray(8, 16),
    encoder.encode(input.payload),
  );
  return sha256(concat(CONNECT_PREFIX, sha256(message)));
}

/** The development wallet's account: a standard v4R2 wallet contract holding the seed's public key. */
export function devTonAccount(seed: Uint8Array) {
  const publicKey = ed25519.getPublicKey(seed);
  const contract = WalletContractV4.create({ workchain: 0, publicKey: Buffer.from(publicKey) });
  const stateInit = beginCell().store(storeStateInit(contract.init)).endCell().toBoc();
  return { address: contract.address, publicKey, stateInit: toBase64(stateInit) };
}

/** A genuine `ton_proof` for the payload, exactly as a TON Connect wallet returns it. */
export function proveTonOwnership(input: {
  seed: Uint8Array;
  payload: string;
  /** The page's host, which TON Connect reports as the proof's domain. */
  domain: string;
  now: Date;
}): TonProofReply {
  const account = devTonAccount(input.seed);
  const timestamp = Math.floor(input.now.getTime() / 1000);
  const digest = tonProofDigest({
    workchain: account.address.workChain,
    addressHash: account.address.hash,
    domain: input.domain,
    timestamp,
    payload: input.payload,
  });
  return {
    address: account.address.toRawString(),
    publicKey: toHex(account.publicKey),
    proof: {
      timestamp,
      domain: { lengthBytes: encoder.encode(input.domain).length, value: input.domain },
      payload: input.payload,
      signature: toBase64(ed25519.sign(digest, input.seed)),
      stateInit: account.stateInit,
    },
  };
}
