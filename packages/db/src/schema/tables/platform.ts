import { ZAnalyticsEvent, ZJobStatus } from '@puffy/contracts';
import { enumCheck, enumValues, notificationStatuses } from '../enums';
import type { CampaignTables } from './campaigns';
import type { IdentityTables } from './identity';
import type { ColumnKit } from './kit';

export function platformTables(
  { check, createdAt, index, integer, json, table, text, time, timestamps, updatedAt, uuidId }: ColumnKit,
  { campaigns, users }: Pick<CampaignTables, 'campaigns'> & Pick<IdentityTables, 'users'>,
) {
  /** Outgoing emails; the dedupe key makes "emailed once per event" a unique constraint. */
  const notifications = table(
    'notifications',
    {
      id: uuidId(),
      dedupeKey: text('dedupe_key').notNull().unique(),
      userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
      kind: text('kind').notNull(),
      recipient: text('recipient').notNull(),
      status: text('status', { enum: notificationStatuses }).notNull().default('pending'),
      attempts: integer('attempts').notNull().default(0),
      sentAt: time('sent_at'),
      createdAt: createdAt(),
    },
    (t) => [
      index('notifications_user_idx').on(t.userId),
      check('notifications_status_check', enumCheck(t.status, notificationStatuses)),
    ],
  );

  /**
   * Admin actions. Append-only: a migration adds triggers that refuse UPDATE and DELETE, so no
   * foreign key here may cascade or set null (that would be an UPDATE or DELETE the trigger refuses).
   */
  const auditLog = table(
    'audit_log',
    {
      id: uuidId(),
      actorUserId: text('actor_user_id').references(() => users.id),
      action: text('action').notNull(),
      targetType: text('target_type').notNull(),
      targetId: text('target_id'),
      before: json<unknown>('before'),
      after: json<unknown>('after'),
      requestId: text('request_id'),
      createdAt: createdAt(),
    },
    (t) => [
      index('audit_log_created_idx').on(t.createdAt),
      index('audit_log_target_idx').on(t.targetType, t.targetId),
      index('audit_log_actor_idx').on(t.actorUserId),
    ],
  );

  /** The funnel's raw events; the id is the client's event id, so a resent batch counts once. */
  const analyticsEvents = table(
    'analytics_events',
    {
      id: text('id').primaryKey(),
      name: text('name', { enum: enumValues(ZAnalyticsEvent) }).notNull(),
      userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
      campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
      sessionId: text('session_id').notNull(),
      properties: json<Record<string, unknown>>('properties').notNull().default({}),
      occurredAt: time('occurred_at').notNull(),
      receivedAt: time('received_at')
        .notNull()
        .$defaultFn(() => new Date()),
    },
    (t) => [
      index('analytics_events_funnel_idx').on(t.name, t.campaignId, t.occurredAt),
      check('analytics_events_name_check', enumCheck(t.name, enumValues(ZAnalyticsEvent))),
    ],
  );

  /** The in-process job runner's queue (SQLite development); production runs pg-boss instead. */
  const jobs = table(
    'jobs',
    {
      id: uuidId(),
      queue: text('queue').notNull(),
      payload: json<unknown>('payload').notNull(),
      /** At most one queued or running job per key (pg-boss's singleton jobs). */
      singletonKey: text('singleton_key').unique(),
      runAt: time('run_at').notNull(),
      attempts: integer('attempts').notNull().default(0),
      maxAttempts: integer('max_attempts').notNull().default(5),
      status: text('status', { enum: enumValues(ZJobStatus) })
        .notNull()
        .default('queued'),
      lastError: text('last_error'),
      lockedUntil: time('locked_until'),
      lockedBy: text('locked_by'),
      ...timestamps(),
    },
    (t) => [
      index('jobs_due_idx').on(t.status, t.runAt),
      check('jobs_status_check', enumCheck(t.status, enumValues(ZJobStatus))),
    ],
  );

  /** Operator-editable configuration: shipping fees, vape countries, allowed media hosts. */
  const settings = table('settings', {
    key: text('key').primaryKey(),
    value: json<unknown>('value').notNull(),
    updatedAt: updatedAt(),
  });

  return { notifications, auditLog, analyticsEvents, jobs, settings };
}

export type PlatformTables = ReturnType<typeof platformTables>;
