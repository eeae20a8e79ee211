import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface Ed25519Verifier {
  /** True only for a valid signature of exactly these bytes by this 32-byte public key. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** How many imported keys the cache holds (for tests and metrics). */
  readonly cachedKeys: number;
}

/**
 * Ed25519 verification on node:crypto (OpenSSL), about 12 times faster than the best pure-JS library
 * here (docs/architecture.md). Importing a raw key costs about as much as a verification, so imported keys sit in
 * a small LRU: a wallet signs in repeatedly within a challenge's lifetime, and the bound keeps memory
 * flat under a flood of one-off keys.
 */
export function createEd25519Verifier(options: { maxCachedKeys?: number } = {}): Ed25519Verifier {
  const maxCachedKeys = options.maxCachedKeys ?? 1024;
  if (!Number.isInteger(maxCachedKeys) || maxCachedKeys < 1) {
    throw new RangeError('maxCachedKeys must be a positive integer');
  }
  const keys = new Map<string, KeyObject>();

  const keyObjectFor = (publicKey: Uint8Array): KeyObject => {
    const id = Buffer.from(publicKey).toString('base64');
    const cached = keys.get(id);
    if (cached) {
      // Re-inserting moves the key to the young end of the Map's insertion order.
      keys.delete(id);
      keys.set(id, cached);
      return cached;
    }
    const imported = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });
    keys.set(id, imported);
    if (keys.size > maxCachedKeys) {
      const oldest = keys.keys().next();
      if (!oldest.done) keys.delete(oldest.value);
    }
    return imported;
  };

  return {
    verify(publicKey, message, signature) {
      if (publicKey.length !== 32 || signature.length !== 64) return false;
      try {
        return verify(null, message, keyObjectFor(publicKey), signature);
      } catch {
        // OpenSSL refuses some byte strings that are not curve points; such a key signs nothing.
        return false;
      }
    },
    get cachedKeys() {
      return keys.size;
    },
  };
}

/**
 * The verifier used when a caller passes none. It only memoises key imports, so sharing it changes no
 * result; callers that want their own bound pass `createEd25519Verifier()` in deps.
 */
export const defaultEd25519Verifier: Ed25519Verifier = createEd25519Verifier();
