import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Partner API keys (docs/product/partners.md). A key is shown once, as `puffy_<id>_<secret>`; we keep
 * the id (to find the key and name it in the audit log) and SHA-256 of the secret, never the secret.
 * The secret is 32 random bytes, so a plain hash is enough: there is nothing to guess from it.
 */
const TOKEN = /^puffy_(pk[A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

export interface IssuedKey {
  id: string;
  /** The whole key, for the operator to copy now: it is not shown again. */
  token: string;
  secretHash: string;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export function issueApiKey(): IssuedKey {
  const id = `pk${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x').slice(0, 16)}`;
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `puffy_${id}_${secret}`, secretHash: hashSecret(secret) };
}

/** The id and secret of a presented key, or null when it is not shaped like one of ours. */
export function parseApiKey(token: string): { id: string; secret: string } | null {
  const match = TOKEN.exec(token.trim());
  return match ? { id: match[1] as string, secret: match[2] as string } : null;
}

/** Compares in constant time, so the answer's timing says nothing about how close a guess was. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** What a key may do; an operator grants the least a partner needs. */
export const PARTNER_SCOPES = ['eligibility:read', 'standing:read', 'tasks:complete'] as const;
export const ZPartnerScope = z.enum(PARTNER_SCOPES);
export type TPartnerScope = z.infer<typeof ZPartnerScope>;

export const ZKeyGrant = z.object({
  scopes: z.array(ZPartnerScope).min(1, 'grant at least one scope'),
  /** The campaigns the key may touch; null for every campaign. */
  campaignIds: z.array(z.number().int().positive()).min(1).nullable(),
  revokedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
});
export type TKeyGrant = z.infer<typeof ZKeyGrant>;

export type KeyRefusal = 'revoked' | 'expired' | 'scope' | 'campaign';

/** Whether a key's grant allows an action on a campaign now; the refusal names why not. */
export function grantRefusal(
  grant: TKeyGrant,
  scope: TPartnerScope,
  campaignId: number,
  now: Date,
): KeyRefusal | null {
  if (grant.revokedAt && grant.revokedAt <= now) return 'revoked';
  if (grant.expiresAt && grant.expiresAt <= now) return 'expired';
  if (!grant.scopes.includes(scope)) return 'scope';
  if (grant.campaignIds && !grant.campaignIds.includes(campaignId)) return 'campaign';
  return null;
}
