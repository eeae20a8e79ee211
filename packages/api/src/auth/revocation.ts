import { type Store, StoreUnavailableError } from '@puffy/store';
import { and, eq, gte, isNotNull } from 'drizzle-orm';
import type { Deps } from '../deps';

/**
 * Revocation marks live in the shared store so that every instance refuses a revoked access token
 * at once; the sessions table keeps the durable record (refresh always consults it, and so does
 * every check while the store is down).
 *
 * Every caller writes the durable record first and the mark second. A mark the store refuses is not
 * lost: the store is remembered as stale, and the first check that finds it answering again rewrites
 * the marks of every session revoked within an access token's lifetime from the durable record,
 * before it answers. Revocations made on other instances during the outage come back the same way.
 */
const familyKey = (sessionId: string) => `auth:revoked-session:${sessionId}`;

/** Stores that missed marks (or were unreachable at a check) and must be refilled before trusting them. */
const stale = new WeakSet<Store>();
const refilling = new WeakMap<Store, Promise<void>>();

export async function revokeSessionMark(store: Store, sessionId: string, ttlSeconds: number): Promise<void> {
  try {
    await store.set(familyKey(sessionId), '1', { ttlMs: ttlSeconds * 1000 });
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    stale.add(store);
  }
}

type RevocationDeps = Pick<Deps, 'store' | 'db' | 'clock' | 'auth'>;

export async function isRevoked(deps: RevocationDeps, claims: { sessionId: string }): Promise<boolean> {
  try {
    if (stale.has(deps.store)) await refillMarks(deps);
    return (await deps.store.get(familyKey(claims.sessionId))) !== null;
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    stale.add(deps.store);
    return revokedInDatabase(deps, claims.sessionId);
  }
}

/** A session without a row (its member was deleted) counts as revoked. */
async function revokedInDatabase(deps: RevocationDeps, sessionId: string): Promise<boolean> {
  const { db, t } = deps.db;
  const [row] = await db
    .select({ revokedAt: t.sessions.revokedAt })
    .from(t.sessions)
    .where(eq(t.sessions.id, sessionId))
    .limit(1);
  return !row || row.revokedAt !== null;
}

function refillMarks(deps: RevocationDeps): Promise<void> {
  const running = refilling.get(deps.store);
  if (running) return running;
  const refill = writeRecentMarks(deps)
    .then(() => {
      stale.delete(deps.store);
    })
    .finally(() => refilling.delete(deps.store));
  refilling.set(deps.store, refill);
  return refill;
}

async function writeRecentMarks(deps: RevocationDeps): Promise<void> {
  const { db, t } = deps.db;
  const ttlSeconds = deps.auth.accessTokenTtlSeconds + 60;
  const since = new Date(deps.clock.now().getTime() - ttlSeconds * 1000);
  const revoked = await db
    .select({ id: t.sessions.id })
    .from(t.sessions)
    .where(and(isNotNull(t.sessions.revokedAt), gte(t.sessions.revokedAt, since)));
  for (const { id } of revoked) {
    await deps.store.set(familyKey(id), '1', { ttlMs: ttlSeconds * 1000 });
  }
}
