import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';

// Plain JavaScript hashing, no node:crypto: the same code runs the verify command and a browser check.

/** A draw's secret: 32 random bytes, hex. Kept server-side until entries close, then published. */
export const newSeed = (): string => bytesToHex(randomBytes(32));

const SEED = /^[0-9a-f]{64}$/;

export class SeedError extends Error {}

export function seedBytes(seed: string): Uint8Array {
  if (!SEED.test(seed)) throw new SeedError('a seed is 64 lower-case hex characters (32 bytes)');
  return hexToBytes(seed);
}

/**
 * What the server publishes before entries close: SHA-256 of the seed's bytes, hex. Once published,
 * the operator cannot pick another seed after seeing the entries without the hash giving it away.
 */
export const commitmentOf = (seed: string): string => bytesToHex(sha256(seedBytes(seed)));
