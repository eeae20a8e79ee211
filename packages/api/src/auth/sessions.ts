import type { Database } from '@puffy/db';
import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Deps } from '../deps';
import { revokeSessionMark } from './revocation';
import { randomToken, sha256Hex } from './secrets';

/**
 * Refresh tokens are `<sessionId>.<secret>`; the sessions table keeps only the hash of the current
 * secret (and of the previous one, briefly). Rotation is one compare-and-swap UPDATE, so two
 * instances refreshing the same token cannot both win; a token that was already rotated away is
 * reuse, and reuse ends the whole session (the thief and the victim both sign in again).
 */

/**
 * Two tabs of one browser refreshing at the same moment is not theft: the loser, presenting the token
 * rotated away by exactly one rotation, from the browser the session was opened in (same user agent),
 * within this window, is told to retry. Anything else is reuse (docs/product/sessions.md).
 */
const ROTATION_GRACE_MS = 10_000;

const storedUserAgent = (userAgent: string | undefined) => userAgent?.slice(0, 300) ?? null;

/** `<sessionId>.<secret>` split, or null for anything else. */
function parseRefreshToken(token: string): { sessionId: string; hash: string } | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  return { sessionId: token.slice(0, dot), hash: sha256Hex(token.slice(dot + 1)) };
}

/** The session a refresh token claims to belong to (unverified: for the CSRF token of a cookie logout). */
export const sessionIdOfRefreshToken = (token: string): string | null =>
  parseRefreshToken(token)?.sessionId ?? null;

export interface NewSession {
  sessionId: string;
  refreshToken: string;
  expiresAt: Date;
}

export async function createSession(
  deps: Pick<Deps, 'db' | 'clock' | 'auth'>,
  userId: string,
  client: { ip: string; userAgent: string | undefined },
  q: Database = deps.db.db,
): Promise<NewSession> {
  const { t } = deps.db;
  const now = deps.clock.now();
  const sessionId = crypto.randomUUID();
  const secret = randomToken();
  const expiresAt = new Date(now.getTime() + deps.auth.sessionTtlSeconds * 1000);
  await q.insert(t.sessions).values({
    id: sessionId,
    userId,
    refreshHash: sha256Hex(secret),
    createdAt: now,
    lastUsedAt: now,
    expiresAt,
    ip: client.ip,
    userAgent: storedUserAgent(client.userAgent),
  });
  return { sessionId, refreshToken: `${sessionId}.${secret}`, expiresAt };
}

export type RotateOutcome =
  | { kind: 'rotated'; sessionId: string; userId: string; refreshToken: string; expiresAt: Date }
  | { kind: 'invalid' }
  | { kind: 'raced' }
  | { kind: 'reused'; sessionId: string; userId: string };

export async function rotateRefreshToken(
  deps: Pick<Deps, 'db' | 'clock' | 'store' | 'auth'>,
  token: string,
  client: { userAgent: string | undefined },
): Promise<RotateOutcome> {
  const parsed = parseRefreshToken(token);
  if (!parsed) return { kind: 'invalid' };
  const { sessionId, hash: presentedHash } = parsed;
  const { db, t } = deps.db;
  const now = deps.clock.now();
  const secret = randomToken();
  const [rotated] = await db
    .update(t.sessions)
    .set({
      refreshHash: sha256Hex(secret),
      previousRefreshHash: presentedHash,
      rotatedAt: now,
      lastUsedAt: now,
    })
    .where(
      and(
        eq(t.sessions.id, sessionId),
        eq(t.sessions.refreshHash, presentedHash),
        isNull(t.sessions.revokedAt),
      ),
    )
    .returning({ userId: t.sessions.userId, expiresAt: t.sessions.expiresAt });
  if (rotated) {
    if (rotated.expiresAt <= now) {
      await revokeSession(deps, sessionId, 'expired');
      return { kind: 'invalid' };
    }
    return {
      kind: 'rotated',
      sessionId,
      userId: rotated.userId,
      refreshToken: `${sessionId}.${secret}`,
      expiresAt: rotated.expiresAt,
    };
  }
  const [session] = await db.select().from(t.sessions).where(eq(t.sessions.id, sessionId)).limit(1);
  if (!session || session.revokedAt) return { kind: 'invalid' };
  const recentlyRotated =
    session.rotatedAt && now.getTime() - session.rotatedAt.getTime() < ROTATION_GRACE_MS;
  const sameBrowser = session.userAgent === storedUserAgent(client.userAgent);
  if (session.previousRefreshHash === presentedHash && recentlyRotated && sameBrowser)
    return { kind: 'raced' };
  await revokeSession(deps, sessionId, 'refresh_token_reused');
  return { kind: 'reused', sessionId, userId: session.userId };
}

/**
 * Signing out with the refresh token alone (the access token already expired): the current token, or
 * the one just rotated away, proves the session; the whole family ends. Null when it names no live
 * session.
 */
export async function revokeByRefreshToken(
  deps: Pick<Deps, 'db' | 'clock' | 'store' | 'auth'>,
  token: string,
  reason: string,
): Promise<{ sessionId: string; userId: string } | null> {
  const parsed = parseRefreshToken(token);
  if (!parsed) return null;
  const { t } = deps.db;
  const [ended] = await endLiveSessions(
    deps,
    and(
      eq(t.sessions.id, parsed.sessionId),
      or(eq(t.sessions.refreshHash, parsed.hash), eq(t.sessions.previousRefreshHash, parsed.hash)),
    ),
    reason,
  );
  if (!ended) return null;
  await markRevoked(deps, parsed.sessionId);
  return { sessionId: parsed.sessionId, userId: ended.userId };
}

export async function revokeSession(
  deps: Pick<Deps, 'db' | 'clock' | 'store' | 'auth'>,
  sessionId: string,
  reason: string,
): Promise<void> {
  await endLiveSessions(deps, eq(deps.db.t.sessions.id, sessionId), reason);
  await markRevoked(deps, sessionId);
}

/** Ends every session of the user; each one is marked so its access tokens die at once everywhere. */
export async function revokeAllSessions(
  deps: Pick<Deps, 'db' | 'clock' | 'store' | 'auth'>,
  userId: string,
  reason: string,
): Promise<number> {
  const revoked = await endLiveSessions(deps, eq(deps.db.t.sessions.userId, userId), reason);
  await Promise.all(revoked.map(({ id }) => markRevoked(deps, id)));
  return revoked.length;
}

/** Ends the sessions `which` names that have not ended yet; the ones it ended. */
function endLiveSessions(deps: Pick<Deps, 'db' | 'clock'>, which: SQL | undefined, reason: string) {
  const { db, t } = deps.db;
  return db
    .update(t.sessions)
    .set({ revokedAt: deps.clock.now(), revokeReason: reason })
    .where(and(which, isNull(t.sessions.revokedAt)))
    .returning({ id: t.sessions.id, userId: t.sessions.userId });
}

/** Access tokens live at most their TTL: the mark outlives the last one the session issued. */
const markRevoked = (deps: Pick<Deps, 'store' | 'auth'>, sessionId: string) =>
  revokeSessionMark(deps.store, sessionId, deps.auth.accessTokenTtlSeconds + 60);
