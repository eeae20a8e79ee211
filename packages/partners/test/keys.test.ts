import { describe, expect, it } from 'vitest';
import { grantRefusal, issueApiKey, parseApiKey, secretMatches, type TKeyGrant } from '../src';

describe('partner API keys', () => {
  it('are shown once as a token and kept only as an id and a hash of the secret', () => {
    const key = issueApiKey();
    const parsed = parseApiKey(key.token);
    expect(parsed?.id).toBe(key.id);
    expect(key.secretHash).not.toContain(parsed?.secret ?? '');
    expect(secretMatches(parsed?.secret ?? '', key.secretHash)).toBe(true);
    const secret = parsed?.secret ?? '';
    // One character changed (the first: the last carries only four bits and is often already 'A').
    const altered = `${secret.startsWith('A') ? 'B' : 'A'}${secret.slice(1)}`;
    expect(secretMatches(altered, key.secretHash)).toBe(false);
    expect(issueApiKey().token).not.toBe(key.token);
  });

  it('refuses anything not shaped like our key before any lookup', () => {
    const { token } = issueApiKey();
    for (const bad of [
      '',
      'puffy_',
      token.replace('puffy_', 'other_'),
      `${token}x`,
      token.slice(0, -1),
      'Bearer abc',
    ]) {
      expect(parseApiKey(bad)).toBeNull();
    }
  });

  it('allows only the scopes and campaigns granted, until revoked or expired, saying why not', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const grant: TKeyGrant = {
      scopes: ['eligibility:read'],
      campaignIds: [7],
      revokedAt: null,
      expiresAt: null,
    };
    expect(grantRefusal(grant, 'eligibility:read', 7, now)).toBeNull();
    expect(grantRefusal(grant, 'tasks:complete', 7, now)).toBe('scope');
    expect(grantRefusal(grant, 'eligibility:read', 8, now)).toBe('campaign');
    expect(grantRefusal({ ...grant, campaignIds: null }, 'eligibility:read', 8, now)).toBeNull();
    expect(grantRefusal({ ...grant, revokedAt: now }, 'eligibility:read', 7, now)).toBe('revoked');
    expect(
      grantRefusal({ ...grant, expiresAt: new Date(now.getTime() - 1) }, 'eligibility:read', 7, now),
    ).toBe('expired');
  });
});
