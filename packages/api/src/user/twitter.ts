import type { TTwitterLockState, TTwitterStartOutput } from '@puffy/contracts';
import { type Database, lockKey, violatedConstraint } from '@puffy/db';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { saveXTokens } from '../activity/social/x-tokens';
import type { Deps } from '../deps';
import { Conflict, Forbidden, PreconditionFailed } from '../platform/errors';
import { emitProfileEvent } from './events';
import { heldByAnother, memberColumns } from './member-row';
import {
  exchangeTwitterCode,
  fetchTwitterProfile,
  twitterAuthorizeUrl,
  type XTokens,
} from './twitter-client';
import type { TwitterOAuthConfig } from './twitter-config';

type TwitterDeps = Pick<Deps, 'db' | 'store' | 'clock' | 'twitter' | 'auth'>;

const STATE_TTL_MS = 10 * 60 * 1000;
const stateKey = (state: string) => `oauth:x:${state}`;
/** Remembers a spent state for its lifetime, so a replay is told so instead of "expired". */
const usedStateKey = (state: string) => `oauth:x-used:${state}`;

const ZPendingAuthorization = z.object({
  userId: z.string(),
  codeVerifier: z.string(),
  expiresAt: z.string(),
});

function configured(deps: Pick<Deps, 'twitter'>): TwitterOAuthConfig {
  if (!deps.twitter)
    throw new PreconditionFailed('Linking X is not available on this server.', 'x_not_configured');
  return deps.twitter;
}

export async function startTwitterLink(deps: TwitterDeps, userId: string): Promise<TTwitterStartOutput> {
  const config = configured(deps);
  const lock = await twitterLockState(deps, deps.db.db, userId);
  if (lock.locked) throw lockedError(lock);
  const { url, state, codeVerifier } = twitterAuthorizeUrl(config);
  const expiresAt = new Date(deps.clock.now().getTime() + STATE_TTL_MS);
  await deps.store.set(
    stateKey(state),
    JSON.stringify({ userId, codeVerifier, expiresAt: expiresAt.toISOString() }),
    { ttlMs: STATE_TTL_MS },
  );
  return { authorizeUrl: url, expiresAt: expiresAt.toISOString() };
}

/** Finishes the flow the SPA's `/auth/oauth-callback` page hands back: state once, then code for token. */
export async function completeTwitterLink(
  deps: TwitterDeps,
  userId: string,
  input: { code: string; state: string },
) {
  const config = configured(deps);
  const raw = await deps.store.take(stateKey(input.state));
  if (raw === null) {
    if (await deps.store.get(usedStateKey(input.state))) {
      throw new Conflict('This X authorization was already used. Start linking X again.', 'oauth_state_used');
    }
    throw new PreconditionFailed(
      'This X authorization expired. Start linking X again.',
      'oauth_state_expired',
    );
  }
  await deps.store.set(usedStateKey(input.state), '1', { ttlMs: STATE_TTL_MS });
  const pending = ZPendingAuthorization.parse(JSON.parse(raw));
  if (pending.userId !== userId) {
    throw new Forbidden(
      'This X authorization was started by another account. Start linking X again.',
      'oauth_state_user',
    );
  }
  if (deps.clock.now().getTime() >= Date.parse(pending.expiresAt)) {
    throw new PreconditionFailed(
      'This X authorization expired. Start linking X again.',
      'oauth_state_expired',
    );
  }
  const tokens = await exchangeTwitterCode(config, input.code, pending.codeVerifier);
  const profile = await fetchTwitterProfile(config, tokens.accessToken);
  await saveTwitterLink(deps, userId, profile, tokens);
  const lock = await twitterLockState(deps, deps.db.db, userId);
  return { twitter: { id: profile.id, handle: profile.username, locked: lock.locked } };
}

async function saveTwitterLink(
  deps: TwitterDeps,
  userId: string,
  profile: { id: string; username: string; name: string | null; avatarUrl: string | null },
  tokens: XTokens,
) {
  const { t } = deps.db;
  try {
    await deps.db.withTransaction(async (tx) => {
      await lockKey(deps.db, tx, `users.twitter:${profile.id}`);
      if (await heldByAnother(deps, tx, userId, 'twitterId', profile.id)) throw twitterTaken();
      const [me] = await tx.select().from(t.users).where(eq(t.users.id, userId)).limit(1);
      if (!me) throw new PreconditionFailed('Your account no longer exists.', 'no_user');
      if (me.twitterId && me.twitterId !== profile.id) {
        const lock = await twitterLockState(deps, tx, userId);
        if (lock.locked) throw lockedError(lock);
      }
      await tx
        .update(t.users)
        .set({
          twitterId: profile.id,
          twitterHandle: profile.username,
          name: me.name ?? profile.name,
          // An avatar an admin locked (moderation) is never replaced by the X picture.
          avatarUrl: me.avatarLocked ? me.avatarUrl : (profile.avatarUrl ?? me.avatarUrl),
          updatedAt: deps.clock.now(),
        })
        .where(eq(t.users.id, userId));
      await saveXTokens(deps, tx, userId, tokens);
      const earned = await emitProfileEvent(deps, { userId, event: 'x_linked', tx });
      if (earned > 0) await tx.update(t.users).set({ twitterLocked: true }).where(eq(t.users.id, userId));
    });
  } catch (error) {
    if (violatedConstraint(error)?.kind === 'unique') throw twitterTaken();
    throw error;
  }
}

/** Activity kinds whose completion rests on the X account. */
const X_ACTIVITY_KINDS = ['link_x', 'x_post', 'x_follow', 'x_repost', 'x_like', 'x_tag_post'] as const;

/**
 * Locked once the link earned something (an X activity completed) or an admin locked it; a locked
 * link cannot be unlinked or replaced, so one X account cannot collect rewards on several members.
 * `q` is the open transaction's handle, or `deps.db.db` outside one.
 */
export async function twitterLockState(
  deps: Pick<Deps, 'db'>,
  q: Database,
  userId: string,
): Promise<TTwitterLockState> {
  const { t } = deps.db;
  const me = await memberColumns(deps, q, userId, {
    twitterId: t.users.twitterId,
    twitterLocked: t.users.twitterLocked,
  });
  if (!me?.twitterId) return { linked: false, locked: false, reason: null };
  if (me.twitterLocked) {
    return { linked: true, locked: true, reason: 'Your X account is locked because it has earned rewards.' };
  }
  const [earned] = await q
    .select({ id: t.userActivities.id })
    .from(t.userActivities)
    .innerJoin(t.activities, eq(t.activities.id, t.userActivities.activityId))
    .where(
      and(
        eq(t.userActivities.userId, userId),
        inArray(t.activities.kind, [...X_ACTIVITY_KINDS]),
        isNotNull(t.userActivities.completedAt),
      ),
    )
    .limit(1);
  if (earned) {
    return {
      linked: true,
      locked: true,
      reason: 'Your X account is locked because it completed an activity.',
    };
  }
  return { linked: true, locked: false, reason: null };
}

export async function unlinkTwitter(deps: TwitterDeps, userId: string): Promise<{ ok: true }> {
  const { t } = deps.db;
  await deps.db.withTransaction(async (tx) => {
    const lock = await twitterLockState(deps, tx, userId);
    if (!lock.linked) throw new PreconditionFailed('No X account is linked.', 'x_not_linked');
    if (lock.locked) throw lockedError(lock);
    await tx
      .update(t.users)
      .set({ twitterId: null, twitterHandle: null, updatedAt: deps.clock.now() })
      .where(eq(t.users.id, userId));
    await tx.delete(t.xTokens).where(eq(t.xTokens.userId, userId));
  });
  return { ok: true };
}

const lockedError = (lock: TTwitterLockState) =>
  new PreconditionFailed(
    `${lock.reason ?? 'Your X account is locked.'} It cannot be unlinked or changed.`,
    'x_locked',
  );
const twitterTaken = () =>
  new Conflict(
    'This X account is already linked to another member. One X account links to one member only.',
    'x_taken',
  );
