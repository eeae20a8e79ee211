import { describe, expect, it } from 'vitest';
import { type SigningKey, signAccessToken, verifyAccessToken } from '../../src/auth/tokens';

const NOW = new Date('2026-12-07T12:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const claims = {
  userId: 'u1',
  walletAddress: 'addr',
  chain: 'sol' as const,
  role: 'user' as const,
  scopes: [],
  sessionId: 's1',
  expiresAt: later(60),
};

// A token's verification is remembered (its signature is not checked again on every request); what
// it answers must not change for that.
describe('access token verification, remembered', () => {
  it('answers the same claims again, and refuses the token once it expires', async () => {
    const keys: SigningKey[] = [{ kid: 'k1', secret: 'a-test-signing-secret-of-enough-length' }];
    const { token, jti } = await signAccessToken(keys, claims, NOW);
    const first = await verifyAccessToken(keys, token, NOW);
    expect(first).toMatchObject({ userId: 'u1', sessionId: 's1', jti });
    expect(await verifyAccessToken(keys, token, later(59))).toEqual(first);
    expect(await verifyAccessToken(keys, token, later(60))).toBeNull();
    expect(await verifyAccessToken(keys, token, later(61))).toBeNull();
  });

  it('does not let a token verified under one key set pass under a set without its key', async () => {
    const old: SigningKey = { kid: 'old', secret: 'the-old-test-signing-secret-of-length' };
    const fresh: SigningKey = { kid: 'new', secret: 'the-new-test-signing-secret-of-length' };
    const { token } = await signAccessToken([old], claims, NOW);
    expect(await verifyAccessToken([fresh, old], token, NOW)).not.toBeNull();
    expect(await verifyAccessToken([fresh], token, NOW)).toBeNull();
  });

  it('refuses a forged token every time', async () => {
    const keys: SigningKey[] = [{ kid: 'k1', secret: 'a-test-signing-secret-of-enough-length' }];
    const { token } = await signAccessToken(keys, claims, NOW);
    const forged = `${token.slice(0, -2)}${token.endsWith('A') ? 'BB' : 'AA'}`;
    expect(await verifyAccessToken(keys, forged, NOW)).toBeNull();
    expect(await verifyAccessToken(keys, forged, NOW)).toBeNull();
  });
});
