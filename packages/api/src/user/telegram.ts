import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { TTelegramLink, TTelegramLoginData } from '@puffy/contracts';
import { type Database, lockKey, violatedConstraint } from '@puffy/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../deps';
import { BadInput, Conflict, PreconditionFailed } from '../platform/errors';
import { heldByAnother } from './member-row';

/*
 * Linking Telegram (docs/product/social-tasks.md): the Login Widget hands the page the member's
 * Telegram id with a signature. Telegram documents the check: the hex HMAC-SHA-256 of the
 * data-check-string (every received field but `hash`, sorted by name, `key=value` joined by line
 * feeds) under the SHA-256 of the bot token must equal `hash`; `auth_date` says when the member
 * confirmed, and an old login is refused so a leaked one cannot be replayed later.
 */

type TelegramDeps = Pick<Deps, 'db' | 'clock' | 'social'>;

/** The data-check-string of the fields the widget sent (undefined fields were not sent). */
export function telegramDataCheckString(data: Omit<TTelegramLoginData, 'hash'>): string {
  return Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('\n');
}

export function telegramLoginHash(botToken: string, data: Omit<TTelegramLoginData, 'hash'>): string {
  const secret = createHash('sha256').update(botToken).digest();
  return createHmac('sha256', secret).update(telegramDataCheckString(data)).digest('hex');
}

/** Refuses data not signed with our bot's token, or older than the allowed age (or from the future). */
export function checkTelegramLogin(
  config: { botToken: string; maxAuthAgeSeconds: number },
  data: TTelegramLoginData,
  now: Date,
): void {
  const { hash, ...fields } = data;
  const expected = Buffer.from(telegramLoginHash(config.botToken, fields), 'hex');
  const given = Buffer.from(hash, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new BadInput(
      'Telegram did not sign this login. Try linking Telegram again.',
      undefined,
      'telegram_bad_hash',
    );
  const ageSeconds = now.getTime() / 1000 - data.auth_date;
  // A minute of clock skew is forgiven; a login from further in the future is not Telegram's.
  if (ageSeconds > config.maxAuthAgeSeconds || ageSeconds < -60)
    throw new PreconditionFailed(
      'This Telegram login is too old. Try linking Telegram again.',
      'telegram_stale',
    );
}

const taken = () =>
  new Conflict(
    'This Telegram account is already linked to another member. One Telegram account links to one member only.',
    'telegram_taken',
  );

export async function linkTelegram(
  deps: TelegramDeps,
  userId: string,
  data: TTelegramLoginData,
): Promise<{ telegram: TTelegramLink }> {
  const config = deps.social.telegram;
  if (!config)
    throw new PreconditionFailed(
      'Linking Telegram is not available on this server.',
      'telegram_not_configured',
    );
  checkTelegramLogin(config, data, deps.clock.now());
  const { t } = deps.db;
  const username = data.username ?? null;
  try {
    await deps.db.withTransaction(async (tx) => {
      await lockKey(deps.db, tx, `users.telegram:${data.id}`);
      if (await heldByAnother(deps, tx, userId, 'telegramId', data.id)) throw taken();
      const [me] = await tx
        .select({ telegramId: t.users.telegramId })
        .from(t.users)
        .where(eq(t.users.id, userId))
        .limit(1);
      if (!me) throw new PreconditionFailed('Your account no longer exists.', 'no_user');
      if (me.telegramId && me.telegramId !== data.id && (await earnedWithTelegram(deps, tx, userId)))
        throw lockedError();
      await tx
        .update(t.users)
        .set({ telegramId: data.id, telegramUsername: username, updatedAt: deps.clock.now() })
        .where(eq(t.users.id, userId));
    });
  } catch (error) {
    if (violatedConstraint(error)?.kind === 'unique') throw taken();
    throw error;
  }
  return { telegram: { id: data.id, username } };
}

/** A Telegram account that earned a task stays: otherwise one account could earn on member after member. */
async function earnedWithTelegram(deps: Pick<Deps, 'db'>, q: Database, userId: string) {
  const { t } = deps.db;
  const [earned] = await q
    .select({ id: t.userActivities.id })
    .from(t.userActivities)
    .innerJoin(t.activities, eq(t.activities.id, t.userActivities.activityId))
    .where(
      and(
        eq(t.userActivities.userId, userId),
        inArray(t.activities.kind, ['telegram_join']),
        inArray(t.userActivities.status, ['completed', 'pending_review']),
      ),
    )
    .limit(1);
  return earned !== undefined;
}

const lockedError = () =>
  new PreconditionFailed(
    'Your Telegram account completed a task, so it cannot be unlinked or changed.',
    'telegram_locked',
  );

export async function unlinkTelegram(deps: TelegramDeps, userId: string): Promise<{ ok: true }> {
  const { t } = deps.db;
  await deps.db.withTransaction(async (tx) => {
    if (await earnedWithTelegram(deps, tx, userId)) throw lockedError();
    await tx
      .update(t.users)
      .set({ telegramId: null, telegramUsername: null, updatedAt: deps.clock.now() })
      .where(eq(t.users.id, userId));
  });
  return { ok: true };
}
