import {
  grantRefusal,
  parseApiKey,
  secretMatches,
  type TKeyGrant,
  type TPartnerScope,
} from '@puffy/partners';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { recordAudit } from '../platform/audit';
import { Forbidden, RateLimited, Unauthorized } from '../platform/errors';

/*
 * The partner API's door (docs/product/partners.md): the bearer key is read, found by its id,
 * compared in constant time, and its grant checked for the scope and campaign of the call. Every
 * refusal after the key is known is audited under the key's id.
 */

/** Calls a key may make a minute, shared by every instance through the rate limiter's store. */
export const PARTNER_RATE_RULE = { name: 'partner_api', points: 120, durationSeconds: 60 } as const;

export interface PartnerKey {
  id: string;
  name: string;
  grant: TKeyGrant;
}

const refusalWords = {
  revoked: 'This key has been revoked.',
  expired: 'This key has expired.',
  scope: 'This key is not allowed to do this.',
  campaign: 'This key is not allowed to act on this campaign.',
} as const;

/** The key behind an `Authorization: Bearer puffy_…` header, or Unauthorized. */
export async function partnerKeyOf(
  deps: Pick<Deps, 'db'>,
  authorization: string | undefined,
): Promise<PartnerKey> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const parsed = token ? parseApiKey(token) : null;
  if (!parsed) throw new Unauthorized('Send a partner key as "Authorization: Bearer <key>".', 'no_key');
  const { db, t } = deps.db;
  const [row] = await db.select().from(t.partnerKeys).where(eq(t.partnerKeys.id, parsed.id)).limit(1);
  if (!row || !secretMatches(parsed.secret, row.secretHash))
    throw new Unauthorized('This partner key is not valid.', 'unknown_key');
  return {
    id: row.id,
    name: row.name,
    grant: {
      scopes: row.scopes as TKeyGrant['scopes'],
      campaignIds: row.campaignIds ?? null,
      revokedAt: row.revokedAt,
      expiresAt: row.expiresAt,
    },
  };
}

/** Spends one call of the key's minute; refuses with the wait when it is spent. */
export async function spendPartnerCall(deps: Pick<Deps, 'limiter'>, key: PartnerKey): Promise<void> {
  const outcome = await deps.limiter.consume(PARTNER_RATE_RULE, key.id);
  if (!outcome.allowed) throw new RateLimited(outcome.retryAfterSeconds);
}

/** Refuses (audited) unless the key may use `scope` on the campaign now. */
export async function requireGrant(
  deps: Pick<Deps, 'db' | 'clock'>,
  key: PartnerKey,
  scope: TPartnerScope,
  campaignId: number,
  requestId: string | null,
): Promise<void> {
  const refusal = grantRefusal(key.grant, scope, campaignId, deps.clock.now());
  if (!refusal) return;
  await deps.db.withTransaction((tx) =>
    recordAudit(
      deps,
      tx,
      { userId: null, requestId },
      {
        action: 'partner.refused',
        targetType: 'partner_key',
        targetId: key.id,
        before: null,
        after: { scope, campaignId, refusal },
      },
    ),
  );
  throw new Forbidden(refusalWords[refusal], `key_${refusal}`);
}
