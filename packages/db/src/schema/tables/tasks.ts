import type { ColumnKit } from './kit';
import type { Parents } from './links';

/** What the self-checking task kinds keep beyond a completion (docs/product/tasks.md). */
export function taskTables(k: ColumnKit, { activities, users }: Parents<'activities' | 'users'>) {
  /**
   * Each quiz attempt of a member, numbered from 1 per (member, activity, scope). The unique number
   * is what holds the attempt limit: two attempts written at once cannot both take the last number.
   */
  const quizAttempts = k.table(
    'quiz_attempts',
    {
      id: k.uuidId(),
      ...k.belongsToMember(users),
      activityId: k.partOfSerial('activity_id', activities),
      scopeKey: k.text('scope_key').notNull(),
      attempt: k.integer('attempt').notNull(),
      correct: k.integer('correct').notNull(),
      total: k.integer('total').notNull(),
      passed: k.flag('passed').notNull(),
      /** The member's picks as sent, to explain a dispute later. */
      answers: k.json<number[][]>('answers').notNull(),
      createdAt: k.createdAt(),
    },
    (t) => [
      k.unique('quiz_attempts_unique').on(t.userId, t.activityId, t.scopeKey, t.attempt),
      k.index('quiz_attempts_activity_idx').on(t.activityId),
    ],
  );

  /**
   * Partner API keys (docs/product/partners.md): the id names the key, the secret is kept only as its
   * SHA-256. Revoking sets `revoked_at`; a key is never deleted, so the audit log's ids stay readable.
   */
  const partnerKeys = k.table('partner_keys', {
    id: k.text('id').primaryKey(),
    name: k.text('name').notNull(),
    secretHash: k.text('secret_hash').notNull(),
    scopes: k.json<string[]>('scopes').notNull(),
    /** Null: every campaign. */
    campaignIds: k.json<number[]>('campaign_ids'),
    expiresAt: k.time('expires_at'),
    revokedAt: k.time('revoked_at'),
    createdAt: k.createdAt(),
  });

  return { quizAttempts, partnerKeys };
}
