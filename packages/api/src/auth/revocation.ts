import { type Store, StoreUnavailableError } from '@puffy/store';
import { and, eq, gte, isNotNull } from 'drizzle-orm';
import type { Deps } from '../deps';

/**
 * Whether an access token's session is still live is answered by one store read of a per-session
 * mark, `revoked` or `valid`, so that every instance refuses a revoked token at once. The sessions
 * table is the durable record; the marks are only a cache of it (docs/product/sessions.md):
 *
 * - A missing mark is never read as "live". A store that restarted without its data, or evicted the
 *   key, sends the check to the sessions table, and its answer is cached again. So a revoked token
 *   cannot come back to life when the marks vanish.
 * - Revocation overwrites the mark with `revoked`; the check caches `valid` only where no mark
 *   exists (SET NX). A check that read the table just before a revocation therefore cannot replace
 *   the revocation's mark with its stale answer.
 * - `valid` lives briefly, so a revocation whose mark the store refused is also seen within that time
 *   by instances that never noticed the outage.
 *
 * Every caller writes the durable record first and the mark second. A mark the store refuses is not
 * lost: the store is remembered as stale, and the first check that finds it answering again rewrites
 * the marks of every session revoked within an access token's lifetime from the durable record,
 * before it answers. While the store is down, every check asks the sessions table.
 */
const markKey = (sessionId: string) => `auth:session-state:${sessionId}`;
const REVOKED = 'revoked';
const VALID = 'valid';
/** How long a "still live" answer is trusted before the sessions table is asked again. */
const VALID_MARK_TTL_MS = 60_000;

/** Stores that missed marks (or were unreachable at a check) and must be refilled before trusting them. */
const stale = new WeakSet<Store>();
const refilling = new WeakMap<Store, Promise<void>>();

export async function revokeSessionMark(store: Store, sessionId: string, ttlSeconds: number): Promise<void> {
  try {
    await store.set(markKey(sessionId), REVOKED, { ttlMs: ttlSeconds * 1000 });
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    stale.add(store);
  }
}

type RevocationDeps = Pick<Deps, 'store' | 'db' | 'clock' | 'auth'>;

export async function isRevoked(deps: RevocationDeps, claims: { sessionId: string }): Promise<boolean> {
  let mark: string | null;
  try {
    if (stale.has(deps.store)) await refillMarks(deps);
    mark = await deps.store.get(markKey(claims.sessionId));
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    stale.add(deps.store);
    return revokedInDatabase(deps, claims.sessionId);
  }
  if (mark === REVOKED) return true;
  if (mark === VALID) return false;
  const revoked = await revokedInDatabase(deps, claims.sessionId);
  await cacheAnswer(deps, claims.sessionId, revoked);
  return revoked;
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

/** The answer is right either way; failing to cache it only costs the next check a table read. */
async function cacheAnswer(deps: RevocationDeps, sessionId: string, revoked: boolean): Promise<void> {
  try {
    if (revoked) {
      await deps.store.set(markKey(sessionId), REVOKED, { ttlMs: revokedMarkTtlMs(deps) });
    } else {
      await deps.store.set(markKey(sessionId), VALID, { ttlMs: VALID_MARK_TTL_MS, onlyIfAbsent: true });
    }
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    stale.add(deps.store);
  }
}

/** Past an access token's lifetime no token of the session is left to refuse. */
const revokedMarkTtlMs = (deps: RevocationDeps) => (deps.auth.accessTokenTtlSeconds + 60) * 1000;

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
  const ttlMs = revokedMarkTtlMs(deps);
  const since = new Date(deps.clock.now().getTime() - ttlMs);
  const revoked = await db
    .select({ id: t.sessions.id })
    .from(t.sessions)
    .where(and(isNotNull(t.sessions.revokedAt), gte(t.sessions.revokedAt, since)));
  for (const { id } of revoked) {
    await deps.store.set(markKey(id), REVOKED, { ttlMs });
  }
}
