import { activityCheckOutcomes, activityCheckTriggers } from '../enums';
import type { ColumnKit } from './kit';
import type { Parents } from './links';

export function socialTables(
  k: ColumnKit,
  { users, activities, campaigns }: Parents<'users' | 'activities' | 'campaigns'>,
) {
  /**
   * A member's X OAuth 2.0 tokens, kept to check X tasks with their own account. Both tokens are
   * sealed (AES-256-GCM under APP_SECRET); X rotates the refresh token on every refresh.
   */
  const xTokens = k.table('x_tokens', {
    userId: k.partOf('user_id', users).primaryKey(),
    accessToken: k.text('access_token').notNull(),
    refreshToken: k.text('refresh_token'),
    expiresAt: k.time('expires_at').notNull(),
    scope: k.text('scope').notNull(),
    updatedAt: k.updatedAt(),
  });

  /** What a service answered each time a member's task was checked: the evidence behind a completion. */
  const activityChecks = k.table(
    'activity_checks',
    {
      id: k.uuidId(),
      ...k.belongsToMember(users),
      activityId: k.partOfSerial('activity_id', activities),
      campaignId: k.mentionsSerial('campaign_id', campaigns),
      trigger: k.text('trigger', { enum: activityCheckTriggers }).notNull(),
      outcome: k.text('outcome', { enum: activityCheckOutcomes }).notNull(),
      /** The service's answer as it came (status and the fields the check read). */
      answer: k.json<Record<string, unknown>>('answer').notNull().default({}),
      checkedAt: k.time('checked_at').notNull(),
    },
    (t) => [
      k.index('activity_checks_member_idx').on(t.userId, t.activityId, t.checkedAt),
      k.index('activity_checks_activity_idx').on(t.activityId),
      k.index('activity_checks_campaign_idx').on(t.campaignId),
    ],
  );

  return { xTokens, activityChecks };
}

export type SocialTables = ReturnType<typeof socialTables>;
