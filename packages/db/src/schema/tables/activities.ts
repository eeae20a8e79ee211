import { ZActivityKind, ZActivityScope } from '@puffy/contracts';
import { enumValues, userActivityStatuses } from '../enums';
import type { ColumnKit } from './kit';
import type { Parents } from './links';

export function activityTables(k: ColumnKit, { campaigns, users }: Parents<'campaigns' | 'users'>) {
  const activities = k.table(
    'activities',
    {
      id: k.serialId(),
      scope: k.text('scope', { enum: enumValues(ZActivityScope) }).notNull(),
      kind: k.text('kind', { enum: enumValues(ZActivityKind) }).notNull(),
      name: k.text('name').notNull(),
      description: k.text('description'),
      parameter: k.json<Record<string, unknown>>('parameter').notNull().default({}),
      initiatedByUser: k.flag('initiated_by_user').notNull().default(false),
      createdAt: k.createdAt(),
    },
    (t) => [k.index('activities_kind_idx').on(t.kind)],
  );

  const campaignActivities = k.table(
    'campaign_activities',
    {
      id: k.serialId(),
      ...k.belongsToCampaign(campaigns),
      activityId: k.partOfSerial('activity_id', activities),
      /** How many times the event must happen (refer N friends). */
      quantity: k.integer('quantity').notNull().default(1),
      points: k.integer('points').notNull().default(0),
      required: k.flag('required').notNull().default(false),
    },
    (t) => k.uniquePair('campaign_activities', t.campaignId, t.activityId),
  );

  /** A member's completion of an activity, once per scope (see the kit's `scope`). */
  const userActivities = k.table(
    'user_activities',
    {
      id: k.uuidId(),
      ...k.belongsToMember(users),
      activityId: k.partOfSerial('activity_id', activities),
      ...k.scope(campaigns),
      status: k.text('status', { enum: userActivityStatuses }).notNull(),
      points: k.integer('points').notNull().default(0),
      data: k.json<Record<string, unknown>>('data').notNull().default({}),
      completedAt: k.time('completed_at'),
      createdAt: k.createdAt(),
    },
    (t) => [
      k.unique('user_activities_unique').on(t.userId, t.activityId, t.scopeKey),
      k.index('user_activities_campaign_idx').on(t.campaignId, t.status),
    ],
  );

  /** The source of truth for points; `source_key` makes every award idempotent. */
  const pointsLedger = k.table(
    'points_ledger',
    {
      id: k.uuidId(),
      ...k.belongsToMember(users),
      ...k.scope(campaigns),
      /** Signed: corrections are negative entries, never edits. */
      points: k.integer('points').notNull(),
      reason: k.text('reason').notNull(),
      sourceKey: k.text('source_key').notNull().unique(),
      createdAt: k.createdAt(),
    },
    (t) => [k.index('points_ledger_scope_user_idx').on(t.scopeKey, t.userId)],
  );

  /** The leaderboard's aggregate of points_ledger, kept in the same transaction as each entry. */
  const userPoints = k.table(
    'user_points',
    {
      ...k.belongsToMember(users),
      scopeKey: k.text('scope_key').notNull(),
      points: k.integer('points').notNull().default(0),
      updatedAt: k.updatedAt(),
    },
    (t) => [
      k.primaryKey({ name: 'user_points_pk', columns: [t.userId, t.scopeKey] }),
      k.index('user_points_leaderboard_idx').on(t.scopeKey, t.points, t.userId),
    ],
  );

  /**
   * How many members of a scope have each points total: a member's rank is one more than the members
   * of the buckets above theirs, summed over a few hundred buckets instead of counting every member
   * above. Kept by triggers on user_points (drizzle-kit cannot declare them; see the migration), so
   * every writer of user_points, bulk loads and cascaded deletes included, keeps it exact.
   */
  const pointsHistogram = k.table(
    'points_histogram',
    {
      scopeKey: k.text('scope_key').notNull(),
      points: k.integer('points').notNull(),
      members: k.integer('members').notNull().default(0),
    },
    (t) => [k.primaryKey({ name: 'points_histogram_pk', columns: [t.scopeKey, t.points] })],
  );

  return { activities, campaignActivities, userActivities, pointsLedger, userPoints, pointsHistogram };
}

export type ActivityTables = ReturnType<typeof activityTables>;
