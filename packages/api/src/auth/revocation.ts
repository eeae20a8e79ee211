import type { Store } from '@puffy/store';

/**
 * Revocation marks live in the shared store so that every instance refuses a revoked access token
 * at once; the sessions table keeps the durable record (refresh always consults it).
 */
const familyKey = (sessionId: string) => `auth:revoked-session:${sessionId}`;

export async function revokeSessionMark(store: Store, sessionId: string, ttlSeconds: number): Promise<void> {
  await store.set(familyKey(sessionId), '1', { ttlMs: ttlSeconds * 1000 });
}

export async function isRevoked(store: Store, claims: { sessionId: string }): Promise<boolean> {
  return (await store.get(familyKey(claims.sessionId))) !== null;
}
