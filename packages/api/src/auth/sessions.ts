import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../deps';
import { revokeSessionMark } from './revocation';
import { randomToken, sha256Hex } from './secrets';

/**
 * Refresh tokens are `<sessionId>.<secret>`; the sessions table keeps only the hash of the current
 * secret (and of the previous one, briefly). Rotation is one compare-and-swap UPDATE, so two
 * instances refreshing the same token cannot both win; a token that was already rotated away is
 * reuse, and reuse ends the whole session (the thief and the victim both sign in again).
 */

/** Two tabs refreshing at the same moment is not theft: the loser is told to retry within this window. */
const ROTATION_GRACE_MS = 10_000;

export interface NewSession {
  sessionId: string;
  refreshToken: string;
  expiresAt: Date;
}

export async function createSession(
  deps: Pick<Deps, 'db' | 'clock' | 'auth'>,
  userId: string,
  client: { ip: string; userAgent: string | undefined },
): Promise<NewSession> {
  const { db, t } = deps.db;
  const now = deps.clock.now();
  const sessionId = crypto.randomUUID();
  const secret = randomToken();
  const expiresAt = new Date(now.getTime() + deps.auth.sessionTtlSeconds * 1000);
  await db.insert(t.sessions).values({
    id: sessionId,
    userId,
    refreshHash: sha256Hex(secret),
    createdAt: now,
    lastUsedAt: now,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
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
): Promise<RotateOutcome> {
  const dot = token.indexOf('.');
  if (dot <= 0) return { kind: 'invalid' };
  const sessionId = token.slice(0, dot);
  const presentedHash = sha256Hex(token.slice(dot + 1));
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
  if (session.previousRefreshHash === presentedHash && recentlyRotated) return { kind: 'raced' };
  await revokeSession(deps, sessionId, 'refresh_token_reused');
  return { kind: 'reused', sessionId, userId: session.userId };
}

export async function revokeSession(
  deps: Pick<Deps, 'db' | 'clock' | 'store' | 'auth'>,
  sessionId: string,
  reason: string,
): Promise<void> {
  const { db, t } = deps.db;
  await db
    .update(t.sessions)
    .set({ revokedAt: deps.clock.now(), revokeReason: reason })
    .where(and(eq(t.sessions.id, sessionId), isNull(t.sessions.revokedAt)));
  await revokeSessionMark(deps.store, sessionId, deps.auth.accessTokenTtlSeconds + 60);
}

/** Ends every session of the user; each one is marked so its access tokens die at once everywhere. */
export async function revokeAllSessions(
  deps: Pick<Deps, 'db' | 'clock' | 'store' | 'auth'>,
  userId: string,
  reason: string,
): Promise<number> {
  const { db, t } = deps.db;
  const revoked = await db
    .update(t.sessions)
    .set({ revokedAt: deps.clock.now(), revokeReason: reason })
    .where(and(eq(t.sessions.userId, userId), isNull(t.sessions.revokedAt)))
    .returning({ id: t.sessions.id });
  await Promise.all(
    revoked.map(({ id }) => revokeSessionMark(deps.store, id, deps.auth.accessTokenTtlSeconds + 60)),
  );
  return revoked.length;
}
