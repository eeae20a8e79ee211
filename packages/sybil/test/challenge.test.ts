import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueChallenge, leadingZeroBits, solveWork, verifySolution, workOf } from '../src';

const SECRET = 'test-secret-that-is-long-enough-0123456789';
const NOW = new Date('2026-12-07T12:00:00Z');

/** A used-id store, as Redis SET NX would be: true the first time an id is marked. */
function usedIds() {
  const seen = new Set<string>();
  return async (id: string) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
}

describe('proof-of-work challenge', () => {
  it('counts leading zero bits as SHA-256 gives them', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x10, 0xff]))).toBe(19);
    expect(leadingZeroBits(new Uint8Array([0x80]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
    const digest = createHash('sha256').update('token:7').digest();
    expect(workOf('token', 7)).toBe(leadingZeroBits(digest));
  });

  it('accepts a solution found by the solver once, for its own action, before it expires', async () => {
    const markUsed = usedIds();
    const { token, bits } = issueChallenge({
      secret: SECRET,
      scope: 'sign-in',
      bits: 12,
      ttlMs: 120_000,
      now: NOW,
    });
    const counter = await solveWork(token, bits);
    const check = (over: Partial<Parameters<typeof verifySolution>[0]> = {}) =>
      verifySolution({ secret: SECRET, scope: 'sign-in', token, counter, now: NOW, markUsed, ...over });
    expect(await check({ scope: 'dry-run' })).toEqual({ ok: false, reason: 'wrong-scope' });
    expect(await check({ now: new Date(NOW.getTime() + 121_000) })).toEqual({ ok: false, reason: 'expired' });
    expect(await check({ secret: `${SECRET}-other` })).toEqual({ ok: false, reason: 'forged' });
    expect(await check()).toEqual({ ok: true });
    expect(await check()).toEqual({ ok: false, reason: 'already-used' });
  });

  it('refuses a counter that does not do the work, and a token that was altered', async () => {
    const { token } = issueChallenge({ secret: SECRET, scope: 'sign-in', bits: 20, ttlMs: 60_000, now: NOW });
    let lazy = 0;
    while (workOf(token, lazy) >= 20) lazy += 1;
    const base = { secret: SECRET, scope: 'sign-in', now: NOW, markUsed: usedIds() };
    expect(await verifySolution({ ...base, token, counter: lazy })).toEqual({
      ok: false,
      reason: 'not-enough-work',
    });
    const [payload, signature] = token.split('.');
    const raised = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), bits: 1 }),
    ).toString('base64url');
    expect(await verifySolution({ ...base, token: `${raised}.${signature}`, counter: 0 })).toEqual({
      ok: false,
      reason: 'forged',
    });
    expect(await verifySolution({ ...base, token: 'nonsense', counter: 0 })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(await verifySolution({ ...base, token, counter: -1 })).toEqual({ ok: false, reason: 'malformed' });
  });
});
