import type { TReferralCode } from '@puffy/contracts';
import { lockKey } from '@puffy/db';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../deps';

/** No 0/O, 1/I/L: a code read aloud or off a screen is typed right the first time. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export function generateReferralCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

interface CodeRow {
  code: string;
  type: TReferralCode['type'];
  level: number;
  campaignId: number | null;
  maxUses: number | null;
  uses: number;
}

export function toReferralCode(row: CodeRow): TReferralCode {
  return {
    code: row.code,
    type: row.type,
    level: row.level,
    campaignId: row.campaignId,
    maxUses: row.maxUses,
    uses: row.uses,
    remainingUses: row.maxUses === null ? null : Math.max(0, row.maxUses - row.uses),
  };
}

/**
 * `referral.myCode`: the member's own code (limited, no campaign, so usable in any campaign),
 * created on the first request. A lock on the member serializes concurrent first requests, so a
 * member never ends up with two own codes.
 */
export async function ownReferralCode(deps: Deps, userId: string): Promise<TReferralCode> {
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    await lockKey(deps.db, tx, `referral-own-code:${userId}`);
    const ownCode = and(
      eq(t.referralCodes.ownerUserId, userId),
      eq(t.referralCodes.type, 'limited'),
      isNull(t.referralCodes.campaignId),
    );
    const [existing] = await tx
      .select()
      .from(t.referralCodes)
      .where(ownCode)
      .orderBy(asc(t.referralCodes.createdAt))
      .limit(1);
    if (existing) return toReferralCode(existing);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const [created] = await tx
        .insert(t.referralCodes)
        .values({
          id: crypto.randomUUID(),
          code: generateReferralCode(),
          type: 'limited',
          campaignId: null,
          ownerUserId: userId,
          level: 0,
          maxUses: deps.config.referrals.defaultMaxUses,
          uses: 0,
          createdAt: deps.clock.now(),
        })
        .onConflictDoNothing({ target: t.referralCodes.code })
        .returning();
      if (created) return toReferralCode(created);
    }
    throw new Error('could not find a free referral code in 5 attempts');
  });
}
