import { ZReferralCodeType } from '@puffy/contracts';
import { enumCheck, enumValues, rawCheck, referralOutcomes } from '../enums';
import type { CampaignTables } from './campaigns';
import type { IdentityTables } from './identity';
import type { ColumnKit } from './kit';

export function referralTables(
  {
    belongsToMember,
    check,
    createdAt,
    index,
    integer,
    partOf,
    scope,
    table,
    text,
    time,
    unique,
    uuidId,
  }: ColumnKit,
  { campaigns, users }: Pick<CampaignTables, 'campaigns'> & Pick<IdentityTables, 'users'>,
) {
  const referralCodes = table(
    'referral_codes',
    {
      id: uuidId(),
      code: text('code').notNull().unique(),
      type: text('type', { enum: enumValues(ZReferralCodeType) }).notNull(),
      /** Null for `gunlimited` codes, which work in every campaign. */
      campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
      ownerUserId: text('owner_user_id').references(() => users.id, { onDelete: 'cascade' }),
      level: integer('level').notNull().default(0),
      maxUses: integer('max_uses'),
      uses: integer('uses').notNull().default(0),
      disabledAt: time('disabled_at'),
      createdAt: createdAt(),
    },
    (t) => [
      index('referral_codes_owner_idx').on(t.ownerUserId),
      index('referral_codes_campaign_idx').on(t.campaignId),
      check('referral_codes_type_check', enumCheck(t.type, enumValues(ZReferralCodeType))),
      // The last line of defence for "exactly max_uses redemptions": an over-use cannot be written.
      check(
        'referral_codes_uses_check',
        rawCheck('"uses" >= 0 and ("max_uses" is null or "uses" <= "max_uses")'),
      ),
    ],
  );

  const referralRelations = table(
    'referral_relations',
    {
      id: uuidId(),
      codeId: partOf('code_id', referralCodes),
      referrerUserId: partOf('referrer_user_id', users),
      refereeUserId: partOf('referee_user_id', users),
      ...scope(campaigns),
      createdAt: createdAt(),
    },
    (t) => [
      unique('referral_relations_referee_unique').on(t.refereeUserId, t.scopeKey),
      index('referral_relations_referrer_idx').on(t.referrerUserId),
      check('referral_relations_not_self_check', rawCheck('"referrer_user_id" <> "referee_user_id"')),
    ],
  );

  /** Every redemption attempt, accepted or refused: the audit trail of code use. */
  const referralRedemptions = table(
    'referral_redemptions',
    {
      id: uuidId(),
      codeId: text('code_id').references(() => referralCodes.id, { onDelete: 'set null' }),
      code: text('code').notNull(),
      ...belongsToMember(users),
      campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
      outcome: text('outcome', { enum: referralOutcomes }).notNull(),
      reason: text('reason'),
      requestId: text('request_id'),
      createdAt: createdAt(),
    },
    (t) => [
      index('referral_redemptions_code_idx').on(t.codeId),
      index('referral_redemptions_user_idx').on(t.userId),
      check('referral_redemptions_outcome_check', enumCheck(t.outcome, referralOutcomes)),
    ],
  );

  return { referralCodes, referralRelations, referralRedemptions };
}

export type ReferralTables = ReturnType<typeof referralTables>;
