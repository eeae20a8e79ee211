import { ZReferralCodeType } from '@puffy/contracts';
import { enumValues, rawCheck, referralOutcomes } from '../enums';
import type { ColumnKit } from './kit';
import type { Parents } from './links';

export function referralTables(k: ColumnKit, { campaigns, users }: Parents<'campaigns' | 'users'>) {
  const referralCodes = k.table(
    'referral_codes',
    {
      id: k.uuidId(),
      code: k.text('code').notNull().unique(),
      type: k.text('type', { enum: enumValues(ZReferralCodeType) }).notNull(),
      /** Null for `gunlimited` codes, which work in every campaign. */
      campaignId: k.integer('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
      ownerUserId: k.text('owner_user_id').references(() => users.id, { onDelete: 'cascade' }),
      level: k.integer('level').notNull().default(0),
      maxUses: k.integer('max_uses'),
      uses: k.integer('uses').notNull().default(0),
      disabledAt: k.time('disabled_at'),
      createdAt: k.createdAt(),
    },
    (t) => [
      k.index('referral_codes_owner_idx').on(t.ownerUserId),
      k.index('referral_codes_campaign_idx').on(t.campaignId),
      // The last line of defence for "exactly max_uses redemptions": an over-use cannot be written.
      k.check(
        'referral_codes_uses_check',
        rawCheck('"uses" >= 0 and ("max_uses" is null or "uses" <= "max_uses")'),
      ),
    ],
  );

  const referralRelations = k.table(
    'referral_relations',
    {
      id: k.uuidId(),
      codeId: k.partOf('code_id', referralCodes),
      referrerUserId: k.partOf('referrer_user_id', users),
      refereeUserId: k.partOf('referee_user_id', users),
      ...k.scope(campaigns),
      createdAt: k.createdAt(),
    },
    (t) => [
      k.unique('referral_relations_referee_unique').on(t.refereeUserId, t.scopeKey),
      k.index('referral_relations_referrer_idx').on(t.referrerUserId),
      k.check('referral_relations_not_self_check', rawCheck('"referrer_user_id" <> "referee_user_id"')),
    ],
  );

  /** Every redemption attempt, accepted or refused: the audit trail of code use. */
  const referralRedemptions = k.table(
    'referral_redemptions',
    {
      id: k.uuidId(),
      codeId: k.mentions('code_id', referralCodes),
      code: k.text('code').notNull(),
      ...k.belongsToMember(users),
      campaignId: k.mentionsSerial('campaign_id', campaigns),
      outcome: k.text('outcome', { enum: referralOutcomes }).notNull(),
      reason: k.text('reason'),
      requestId: k.text('request_id'),
      createdAt: k.createdAt(),
    },
    (t) => [
      k.index('referral_redemptions_code_idx').on(t.codeId),
      k.index('referral_redemptions_user_idx').on(t.userId),
    ],
  );

  return { referralCodes, referralRelations, referralRedemptions };
}

export type ReferralTables = ReturnType<typeof referralTables>;
