import { ZActivityKind, ZActivityScope } from '@puffy/contracts';
import { enumCheck, enumValues, userActivityStatuses } from '../enums';
import type { CampaignTables } from './campaigns';
import type { IdentityTables } from './identity';
import type { ColumnKit } from './kit';

export function activityTables(
  {
    belongsToCampaign,
    belongsToMember,
    check,
    createdAt,
    flag,
    index,
    integer,
    json,
    partOfSerial,
    primaryKey,
    scope,
    serialId,
    table,
    text,
    time,
    unique,
    updatedAt,
    uuidId,
  }: ColumnKit,
  { campaigns, users }: Pick<CampaignTables, 'campaigns'> & Pick<IdentityTables, 'users'>,
) {
  const activities = table(
    'activities',
    {
      id: serialId(),
      scope: text('scope', { enum: enumValues(ZActivityScope) }).notNull(),
      kind: text('kind', { enum: enumValues(ZActivityKind) }).notNull(),
      name: text('name').notNull(),
      description: text('description'),
      parameter: json<Record<string, unknown>>('parameter').notNull().default({}),
      initiatedByUser: flag('initiated_by_user').notNull().default(false),
      createdAt: createdAt(),
    },
    (t) => [
      index('activities_kind_idx').on(t.kind),
      check('activities_scope_check', enumCheck(t.scope, enumValues(ZActivityScope))),
      check('activities_kind_check', enumCheck(t.kind, enumValues(ZActivityKind))),
    ],
  );

  const campaignActivities = table(
    'campaign_activities',
    {
      id: serialId(),
      ...belongsToCampaign(campaigns),
      activityId: partOfSerial('activity_id', activities),
      /** How many times the event must happen (refer N friends). */
      quantity: integer('quantity').notNull().default(1),
      points: integer('points').notNull().default(0),
      required: flag('required').notNull().default(false),
    },
    (t) => [
      unique('campaign_activities_unique').on(t.campaignId, t.activityId),
      index('campaign_activities_activity_idx').on(t.activityId),
    ],
  );

  /** A member's completion of an activity, once per scope (see the kit's `scope`). */
  const userActivities = table(
    'user_activities',
    {
      id: uuidId(),
      ...belongsToMember(users),
      activityId: partOfSerial('activity_id', activities),
      ...scope(campaigns),
      status: text('status', { enum: userActivityStatuses }).notNull(),
      points: integer('points').notNull().default(0),
      data: json<Record<string, unknown>>('data').notNull().default({}),
      completedAt: time('completed_at'),
      createdAt: createdAt(),
    },
    (t) => [
      unique('user_activities_unique').on(t.userId, t.activityId, t.scopeKey),
      index('user_activities_campaign_idx').on(t.campaignId, t.status),
      check('user_activities_status_check', enumCheck(t.status, userActivityStatuses)),
    ],
  );

  /** The source of truth for points; `source_key` makes every award idempotent. */
  const pointsLedger = table(
    'points_ledger',
    {
      id: uuidId(),
      ...belongsToMember(users),
      ...scope(campaigns),
      /** Signed: corrections are negative entries, never edits. */
      points: integer('points').notNull(),
      reason: text('reason').notNull(),
      sourceKey: text('source_key').notNull().unique(),
      createdAt: createdAt(),
    },
    (t) => [index('points_ledger_scope_user_idx').on(t.scopeKey, t.userId)],
  );

  /** The leaderboard's aggregate of points_ledger, kept in the same transaction as each entry. */
  const userPoints = table(
    'user_points',
    {
      ...belongsToMember(users),
      scopeKey: text('scope_key').notNull(),
      points: integer('points').notNull().default(0),
      updatedAt: updatedAt(),
    },
    (t) => [
      primaryKey({ name: 'user_points_pk', columns: [t.userId, t.scopeKey] }),
      index('user_points_leaderboard_idx').on(t.scopeKey, t.points, t.userId),
    ],
  );

  /**
   * How many members of a scope have each points total: a member's rank is one more than the members
   * of the buckets above theirs, summed over a few hundred buckets instead of counting every member
   * above. Kept by triggers on user_points (drizzle-kit cannot declare them; see the migration), so
   * every writer of user_points, bulk loads and cascaded deletes included, keeps it exact.
   */
  const pointsHistogram = table(
    'points_histogram',
    {
      scopeKey: text('scope_key').notNull(),
      points: integer('points').notNull(),
      members: integer('members').notNull().default(0),
    },
    (t) => [primaryKey({ name: 'points_histogram_pk', columns: [t.scopeKey, t.points] })],
  );

  return { activities, campaignActivities, userActivities, pointsLedger, userPoints, pointsHistogram };
}

export type ActivityTables = ReturnType<typeof activityTables>;
