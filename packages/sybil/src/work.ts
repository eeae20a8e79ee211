import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The proof of work both sides agree on (docs/product/sybil.md): SHA-256 of `<token>:<counter>` must
 * start with `bits` zero bits. Pure and browser-safe, so the SPA's solver and the server's check are
 * the same code.
 */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const encoder = new TextEncoder();

export const workOf = (token: string, counter: number): number =>
  leadingZeroBits(sha256(encoder.encode(`${token}:${counter}`)));

/**
 * Finds a counter that does the work, yielding to the page every `sliceSize` tries so the browser
 * stays responsive; about 2^bits tries on average (65,536 at 16 bits, under a second in a browser).
 */
export async function solveWork(token: string, bits: number, sliceSize = 4096): Promise<number> {
  for (let counter = 0; ; counter += 1) {
    if (workOf(token, counter) >= bits) return counter;
    if (counter % sliceSize === sliceSize - 1) await new Promise((resume) => setTimeout(resume, 0));
  }
}
