import { ZAnalyticsEvent, ZJobStatus } from '@puffy/contracts';
import { enumValues, notificationStatuses } from '../enums';
import type { ColumnKit } from './kit';
import type { Parents } from './links';

export function platformTables(k: ColumnKit, { campaigns, users }: Parents<'campaigns' | 'users'>) {
  /** Outgoing emails; the dedupe key makes "emailed once per event" a unique constraint. */
  const notifications = k.table(
    'notifications',
    {
      id: k.uuidId(),
      dedupeKey: k.text('dedupe_key').notNull().unique(),
      userId: k.mentions('user_id', users),
      kind: k.text('kind').notNull(),
      recipient: k.text('recipient').notNull(),
      status: k.text('status', { enum: notificationStatuses }).notNull().default('pending'),
      attempts: k.integer('attempts').notNull().default(0),
      sentAt: k.time('sent_at'),
      createdAt: k.createdAt(),
    },
    (t) => [k.index('notifications_user_idx').on(t.userId)],
  );

  /**
   * Admin actions. Append-only: a migration adds triggers that refuse UPDATE and DELETE, so no
   * foreign key here may cascade or set null (that would be an UPDATE or DELETE the trigger refuses).
   */
  const auditLog = k.table(
    'audit_log',
    {
      id: k.uuidId(),
      actorUserId: k.keeps('actor_user_id', users),
      action: k.text('action').notNull(),
      targetType: k.text('target_type').notNull(),
      targetId: k.text('target_id'),
      before: k.json<unknown>('before'),
      after: k.json<unknown>('after'),
      requestId: k.text('request_id'),
      createdAt: k.createdAt(),
    },
    (t) => [
      k.index('audit_log_created_idx').on(t.createdAt),
      k.index('audit_log_target_idx').on(t.targetType, t.targetId),
      k.index('audit_log_actor_idx').on(t.actorUserId),
    ],
  );

  /** The funnel's raw events; the id is the client's event id, so a resent batch counts once. */
  const analyticsEvents = k.table(
    'analytics_events',
    {
      id: k.text('id').primaryKey(),
      name: k.text('name', { enum: enumValues(ZAnalyticsEvent) }).notNull(),
      userId: k.mentions('user_id', users),
      campaignId: k.mentionsSerial('campaign_id', campaigns),
      sessionId: k.text('session_id').notNull(),
      properties: k.json<Record<string, unknown>>('properties').notNull().default({}),
      occurredAt: k.time('occurred_at').notNull(),
      receivedAt: k
        .time('received_at')
        .notNull()
        .$defaultFn(() => new Date()),
    },
    (t) => [k.index('analytics_events_funnel_idx').on(t.name, t.campaignId, t.occurredAt)],
  );

  /** The in-process job runner's queue (SQLite development); production runs pg-boss instead. */
  const jobs = k.table(
    'jobs',
    {
      id: k.uuidId(),
      queue: k.text('queue').notNull(),
      payload: k.json<unknown>('payload').notNull(),
      /** At most one queued or running job per key (pg-boss's singleton jobs). */
      singletonKey: k.text('singleton_key').unique(),
      runAt: k.time('run_at').notNull(),
      attempts: k.integer('attempts').notNull().default(0),
      maxAttempts: k.integer('max_attempts').notNull().default(5),
      status: k
        .text('status', { enum: enumValues(ZJobStatus) })
        .notNull()
        .default('queued'),
      lastError: k.text('last_error'),
      lockedUntil: k.time('locked_until'),
      lockedBy: k.text('locked_by'),
      ...k.timestamps(),
    },
    (t) => [k.index('jobs_due_idx').on(t.status, t.runAt)],
  );

  /** Operator-editable configuration: shipping fees, vape countries, allowed media hosts. */
  const settings = k.table('settings', {
    key: k.text('key').primaryKey(),
    value: k.json<unknown>('value').notNull(),
    updatedAt: k.updatedAt(),
  });

  return { notifications, auditLog, analyticsEvents, jobs, settings };
}

export type PlatformTables = ReturnType<typeof platformTables>;
