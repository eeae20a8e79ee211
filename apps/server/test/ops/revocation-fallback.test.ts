import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { createMemoryStore, type Store, StoreUnavailableError } from '@puffy/store';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRevoked } from '../../../../packages/api/src/auth/revocation';
import { revokeAllSessions, revokeSession } from '../../../../packages/api/src/auth/sessions';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createDeps } from '../../src/runtime';
import { testSecrets } from '../../src/testing';

/** A real in-process store that can be switched off: every call then fails as an unreachable Redis does. */
function switchableStore(inner: Store) {
  const state = { down: false };
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        state.down
          ? Promise.reject(new StoreUnavailableError('Redis is unreachable (connection end)'))
          : Reflect.apply(value, target, args);
    },
  });
  return { store, state };
}

describe.each(testDatabases())('session revocation while the store is down, on $label', (factory) => {
  let base: Deps;
  let deps: Deps;
  let inner: Store;
  let state: { down: boolean };
  let drop: () => Promise<void> = async () => {};
  const dataDir = mkdtempSync(join(tmpdir(), 'puffy-revocation-'));

  beforeAll(async () => {
    const database = await factory.create();
    await database.db.close();
    drop = database.drop;
    const config = loadConfig({
      ...testSecrets(),
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'silent',
    });
    base = await createDeps(config, createLogger({ level: 'silent' }));
    inner = createMemoryStore();
    const switchable = switchableStore(inner);
    state = switchable.state;
    deps = { ...base, store: switchable.store };
  });
  afterAll(async () => {
    await Promise.allSettled([base?.jobs.close(), base?.store.close(), inner?.close()]);
    await base?.db.close();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function memberWithSessions(count: number): Promise<{ userId: string; sessionIds: string[] }> {
    const { db, t } = deps.db;
    const now = deps.clock.now();
    const [user] = await db
      .insert(t.users)
      .values({ walletAddress: `wallet-${crypto.randomUUID()}`, walletChain: 'sol' })
      .returning({ id: t.users.id });
    if (!user) throw new Error('user not created');
    const sessionIds = Array.from({ length: count }, () => crypto.randomUUID());
    await db.insert(t.sessions).values(
      sessionIds.map((id) => ({
        id,
        userId: user.id,
        refreshHash: `hash-${id}`,
        createdAt: now,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + 86_400_000),
      })),
    );
    return { userId: user.id, sessionIds };
  }

  it('answers from the sessions table while down, and writes the missed marks back once it answers', async () => {
    const { userId, sessionIds } = await memberWithSessions(3);
    const [ended, kept, alsoEnded] = sessionIds as [string, string, string];
    expect(await isRevoked(deps, { sessionId: ended })).toBe(false);

    state.down = true;
    // Signing out succeeds on the durable record alone; the mark is owed, not lost.
    await revokeSession(deps, ended, 'logout');
    expect(await isRevoked(deps, { sessionId: ended })).toBe(true);
    expect(await isRevoked(deps, { sessionId: kept })).toBe(false);
    expect(await isRevoked(deps, { sessionId: crypto.randomUUID() })).toBe(true);
    // Revoked elsewhere (another instance, an admin) while the store was down: only the table knows.
    await deps.db.db
      .update(deps.db.t.sessions)
      .set({ revokedAt: deps.clock.now(), revokeReason: 'revoked_by_admin' })
      .where(eq(deps.db.t.sessions.id, alsoEnded));
    expect(await isRevoked(deps, { sessionId: alsoEnded })).toBe(true);

    state.down = false;
    expect(await isRevoked(deps, { sessionId: kept })).toBe(false);
    expect(await inner.get(`auth:session-state:${ended}`)).toBe('revoked');
    expect(await inner.get(`auth:session-state:${alsoEnded}`)).toBe('revoked');
    expect(await inner.get(`auth:session-state:${kept}`)).toBe('valid');
    expect(await isRevoked(deps, { sessionId: ended })).toBe(true);
    expect(await isRevoked(deps, { sessionId: alsoEnded })).toBe(true);

    // Signing out everywhere during an outage works the same way, and replaces the cached "valid".
    state.down = true;
    expect(await revokeAllSessions(deps, userId, 'logout_all')).toBe(1);
    state.down = false;
    expect(await isRevoked(deps, { sessionId: kept })).toBe(true);
  });
});
