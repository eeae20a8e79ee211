import { createHash, randomBytes } from 'node:crypto';

/** A draw's secret: 32 random bytes, hex. Kept server-side until entries close, then published. */
export const newSeed = (): string => randomBytes(32).toString('hex');

const SEED = /^[0-9a-f]{64}$/;

export class SeedError extends Error {}

export function seedBytes(seed: string): Buffer {
  if (!SEED.test(seed)) throw new SeedError('a seed is 64 lower-case hex characters (32 bytes)');
  return Buffer.from(seed, 'hex');
}

/**
 * What the server publishes before entries close: SHA-256 of the seed's bytes, hex. Once published,
 * the operator cannot pick another seed after seeing the entries without the hash giving it away.
 */
export const commitmentOf = (seed: string): string =>
  createHash('sha256').update(seedBytes(seed)).digest('hex');
