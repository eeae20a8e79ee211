import type { Database } from '@puffy/db';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { PreconditionFailed } from '../../platform/errors';
import { seal, unseal } from '../../platform/sealed';
import { refreshTwitterTokens, type XTokens } from '../../user/twitter-client';

/*
 * A member's X OAuth 2.0 tokens (docs/product/social-tasks.md): sealed at rest, refreshed shortly
 * before they expire. X rotates the refresh token on each use, so one refresh per member runs at a
 * time (a store lock across instances) and the second waiter reads the first one's result.
 */

type TokenDeps = Pick<Deps, 'db' | 'clock' | 'auth' | 'store' | 'twitter'>;

const ACCESS = 'x-access-token';
const REFRESH = 'x-refresh-token';
/** Refresh a token this close to its end rather than have a check fail half-way through its pages. */
const MARGIN_MS = 60_000;

export async function saveXTokens(
  deps: Pick<Deps, 'db' | 'clock' | 'auth'>,
  tx: Database,
  userId: string,
  tokens: XTokens,
): Promise<void> {
  const { t } = deps.db;
  const now = deps.clock.now();
  const row = {
    accessToken: seal(deps.auth.appSecret, ACCESS, tokens.accessToken),
    refreshToken: tokens.refreshToken ? seal(deps.auth.appSecret, REFRESH, tokens.refreshToken) : null,
    expiresAt: new Date(now.getTime() + tokens.expiresInSeconds * 1000),
    scope: tokens.scope,
    updatedAt: now,
  };
  await tx
    .insert(t.xTokens)
    .values({ userId, ...row })
    .onConflictDoUpdate({ target: t.xTokens.userId, set: row });
}

const relink = () =>
  new PreconditionFailed('Link your X account again so we can check X tasks with it.', 'x_reauthorize');

async function storedTokens(deps: TokenDeps, userId: string) {
  const { db, t } = deps.db;
  const [row] = await db.select().from(t.xTokens).where(eq(t.xTokens.userId, userId)).limit(1);
  if (!row) return null;
  const accessToken = unseal(deps.auth.appSecret, ACCESS, row.accessToken);
  const refreshToken = row.refreshToken ? unseal(deps.auth.appSecret, REFRESH, row.refreshToken) : null;
  return accessToken ? { accessToken, refreshToken, expiresAt: row.expiresAt } : null;
}

/**
 * An access token good for the next minute. `stale` names a token X just refused (401): it is
 * refreshed even if it looks unexpired. Refused: no tokens (linked before tasks existed), or X will not
 * refresh them — the member links X again.
 */
export async function xAccessToken(deps: TokenDeps, userId: string, stale?: string): Promise<string> {
  const fresh = (tokens: { accessToken: string; expiresAt: Date }) =>
    tokens.accessToken !== stale && tokens.expiresAt.getTime() - MARGIN_MS > deps.clock.now().getTime();
  const current = await storedTokens(deps, userId);
  if (!current) throw relink();
  if (fresh(current)) return current.accessToken;
  const config = deps.twitter;
  if (!config) throw new PreconditionFailed('X tasks are not available on this server.', 'x_not_configured');
  return deps.store.withLock(
    `x-token-refresh:${userId}`,
    30_000,
    async () => {
      const latest = await storedTokens(deps, userId);
      if (!latest) throw relink();
      if (fresh(latest)) return latest.accessToken;
      if (!latest.refreshToken) throw relink();
      const renewed = await refreshTwitterTokens(config, latest.refreshToken);
      if (!renewed) throw relink();
      await deps.db.withTransaction((tx) => saveXTokens(deps, tx, userId, renewed));
      return renewed.accessToken;
    },
    { waitMs: 20_000 },
  );
}
