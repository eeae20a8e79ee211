import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { createEd25519Verifier } from '../../src';

describe('Ed25519 on node:crypto', () => {
  it('agrees with tweetnacl on real signatures and on altered ones', () => {
    const verifier = createEd25519Verifier();
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.nat(),
        (seed, message, flip) => {
          const pair = nacl.sign.keyPair.fromSeed(seed);
          const signature = nacl.sign.detached(message, pair.secretKey);
          expect(verifier.verify(pair.publicKey, message, signature)).toBe(true);
          const altered = Uint8Array.from(signature);
          const index = flip % 64;
          altered[index] = (altered[index] ?? 0) ^ (1 << (flip % 8));
          expect(verifier.verify(pair.publicKey, message, altered)).toBe(false);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('returns false, never throws, for keys that are not curve points and for wrong lengths', () => {
    const verifier = createEd25519Verifier();
    const message = Buffer.from('hello');
    for (let i = 0; i < 50; i += 1) {
      expect(verifier.verify(randomBytes(32), message, randomBytes(64))).toBe(false);
    }
    expect(verifier.verify(Buffer.alloc(32, 0xff), message, randomBytes(64))).toBe(false);
    const pair = nacl.sign.keyPair();
    const signature = nacl.sign.detached(message, pair.secretKey);
    expect(verifier.verify(pair.publicKey.slice(0, 31), message, signature)).toBe(false);
    expect(verifier.verify(pair.publicKey, message, signature.slice(0, 63))).toBe(false);
    expect(verifier.verify(pair.publicKey, message, Buffer.concat([signature, Buffer.alloc(1)]))).toBe(false);
  });

  it('keeps at most maxCachedKeys imported keys and still verifies evicted ones', () => {
    const verifier = createEd25519Verifier({ maxCachedKeys: 3 });
    const message = Buffer.from('sign in');
    const pairs = Array.from({ length: 10 }, () => nacl.sign.keyPair());
    for (const pair of pairs) {
      expect(verifier.verify(pair.publicKey, message, nacl.sign.detached(message, pair.secretKey))).toBe(
        true,
      );
      expect(verifier.cachedKeys).toBeLessThanOrEqual(3);
    }
    expect(verifier.cachedKeys).toBe(3);
    const first = pairs[0]!;
    expect(verifier.verify(first.publicKey, message, nacl.sign.detached(message, first.secretKey))).toBe(
      true,
    );
    expect(
      verifier.verify(first.publicKey, message, nacl.sign.detached(Buffer.from('other'), first.secretKey)),
    ).toBe(false);
  });

  it('refuses a cache bound that is not a positive integer', () => {
    expect(() => createEd25519Verifier({ maxCachedKeys: 0 })).toThrow(RangeError);
    expect(() => createEd25519Verifier({ maxCachedKeys: 1.5 })).toThrow(RangeError);
  });
});
