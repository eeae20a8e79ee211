import { execFileSync } from 'node:child_process';
import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRevoked } from '../../../../packages/api/src/auth/revocation';
import { browserLikeClient } from '../support/cookie-client';
import { clientFor, failure } from '../support/helpers';
import { type OwnRedis, ownRedis } from '../support/own-services';
import { memberClient, signInSolana } from '../support/signin';
import { startUserServer, type UserServer, variants } from '../support/user-harness';
import { solanaWallet } from '../support/wallets';

/** Past an access token's life (15 minutes) but well inside the session's 30 days. */
const PAST_ACCESS_TOKEN = 16 * 60_000;

describe.each(variants())('session lifecycle on $label', (variant) => {
  let server: UserServer;
  beforeAll(async () => {
    server = await startUserServer(variant);
  });
  afterAll(() => server?.close());

  const bearer = (token: string | undefined, headers: Record<string, string> = {}) =>
    memberClient(server.url, { authorization: `Bearer ${token}`, ...headers });

  async function sessionRow(sessionToken: string | undefined) {
    const id = (sessionToken ?? '').split('.')[0] ?? '';
    const { db, t } = server.deps.db;
    const [row] = await db.select().from(t.sessions).where(eq(t.sessions.id, id));
    return row;
  }

  /** A browser tab signed in with cookies; returns the CSRF token it was given. */
  async function signedInTab() {
    const tab = browserLikeClient<AppRouter>(server.url, server.deps.config.publicOrigin);
    const wallet = solanaWallet();
    const challenge = await tab.client.auth.challenge.mutate({ chain: 'sol', address: wallet.address });
    const session = await tab.client.auth.verify.mutate({
      challengeId: challenge.challengeId,
      proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
    });
    return { tab, csrfToken: session.csrfToken };
  }

  describe('signing out after the access token expired', () => {
    it('ends the session from the refresh cookie alone (a tab that slept past the token)', async () => {
      const { tab, csrfToken } = await signedInTab();
      const refreshToken = tab.jar.get('puffy_rt');
      server.clock.advance(PAST_ACCESS_TOKEN);
      expect((await tab.client.auth.session.query()).signedIn).toBe(false);

      tab.setCsrf(csrfToken);
      await tab.client.auth.logout.mutate();
      expect(tab.jar.has('puffy_rt')).toBe(false);
      expect((await sessionRow(refreshToken))?.revokeReason).toBe('logout');
      // The cookie the tab had can no longer bring the session back.
      tab.jar.set('puffy_rt', refreshToken ?? '');
      expect((await failure(tab.client.auth.refresh.mutate())).data?.code).toBe('UNAUTHORIZED');
    });

    it('needs the CSRF token when only the refresh cookie identifies the session', async () => {
      const { tab, csrfToken } = await signedInTab();
      server.clock.advance(PAST_ACCESS_TOKEN);
      const refused = await failure(tab.client.auth.logout.mutate());
      expect(refused.data).toMatchObject({ code: 'FORBIDDEN', reason: 'csrf' });
      expect((await sessionRow(tab.jar.get('puffy_rt')))?.revokedAt).toBeNull();
      tab.setCsrf(csrfToken);
      await tab.client.auth.refresh.mutate();
    });

    it('ends the session of an app client from the refresh token in the body', async () => {
      const { session } = await signInSolana(server.url);
      server.clock.advance(PAST_ACCESS_TOKEN);
      await memberClient(server.url).auth.logout.mutate({ refreshToken: session.refreshToken });
      expect((await sessionRow(session.refreshToken))?.revokeReason).toBe('logout');
      const refresh = await failure(
        memberClient(server.url).auth.refresh.mutate({
          refreshToken: session.refreshToken,
          delivery: 'body',
        }),
      );
      expect(refresh.data?.code).toBe('UNAUTHORIZED');
    });

    it('refuses a refresh token that names no live session, and ends nothing', async () => {
      const { session } = await signInSolana(server.url);
      const [sessionId] = (session.refreshToken ?? '').split('.');
      const guessed = await failure(
        memberClient(server.url).auth.logout.mutate({ refreshToken: `${sessionId}.not-the-secret` }),
      );
      expect(guessed.data?.code).toBe('UNAUTHORIZED');
      const anonymous = await failure(memberClient(server.url).auth.logout.mutate());
      expect(anonymous.data?.code).toBe('UNAUTHORIZED');
      expect((await sessionRow(session.refreshToken))?.revokedAt).toBeNull();
      expect((await bearer(session.accessToken).auth.session.query()).signedIn).toBe(true);
    });
  });

  describe('the refresh grace window (docs/product/sessions.md)', () => {
    const device = { 'user-agent': 'PuffyTest/1.0 (same device)' };

    async function signedInDevice() {
      const wallet = solanaWallet();
      const client = memberClient(server.url, device);
      const challenge = await client.auth.challenge.mutate({ chain: 'sol', address: wallet.address });
      return client.auth.verify.mutate({
        challengeId: challenge.challengeId,
        proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
        delivery: 'body',
      });
    }
    const refreshFrom = (headers: Record<string, string>, refreshToken: string | undefined) =>
      memberClient(server.url, headers).auth.refresh.mutate({ refreshToken, delivery: 'body' });

    it('lets the same device lose a race by one rotation and keep its session', async () => {
      const session = await signedInDevice();
      const rotated = await refreshFrom(device, session.refreshToken);
      server.clock.advance(5_000);
      const raced = await failure(refreshFrom(device, session.refreshToken));
      expect(raced.data).toMatchObject({ code: 'CONFLICT', reason: 'refresh_raced' });
      const next = await refreshFrom(device, rotated.refreshToken);
      expect((await bearer(next.accessToken).auth.session.query()).signedIn).toBe(true);
    });

    it('ends the family when another device replays the token inside the window', async () => {
      const session = await signedInDevice();
      const rotated = await refreshFrom(device, session.refreshToken);
      server.clock.advance(1_000);
      const thief = await failure(refreshFrom({ 'user-agent': 'curl/8.5.0' }, session.refreshToken));
      expect(thief.data?.code).toBe('UNAUTHORIZED');
      expect((await sessionRow(session.refreshToken))?.revokeReason).toBe('refresh_token_reused');
      expect((await failure(refreshFrom(device, rotated.refreshToken))).data?.code).toBe('UNAUTHORIZED');
      expect((await bearer(rotated.accessToken).auth.session.query()).signedIn).toBe(false);
    });

    it('ends the family for a token two rotations old, even inside the window', async () => {
      const session = await signedInDevice();
      const first = await refreshFrom(device, session.refreshToken);
      await refreshFrom(device, first.refreshToken);
      const stale = await failure(refreshFrom(device, session.refreshToken));
      expect(stale.data?.code).toBe('UNAUTHORIZED');
      expect((await sessionRow(session.refreshToken))?.revokeReason).toBe('refresh_token_reused');
    });

    it('ends the family when the same device replays it after the window', async () => {
      const session = await signedInDevice();
      await refreshFrom(device, session.refreshToken);
      server.clock.advance(11_000);
      expect((await failure(refreshFrom(device, session.refreshToken))).data?.code).toBe('UNAUTHORIZED');
      expect((await sessionRow(session.refreshToken))?.revokeReason).toBe('refresh_token_reused');
    });
  });
});

/**
 * Redis restarted without its data (FLUSHALL on a redis-server of the test's own, so the machine's
 * shared one is left alone): the instance sees no error, only missing marks. A revoked access token
 * must stay refused and a live one must keep working.
 */
describe.each(testDatabases())('revocation after the store lost its data, on $label [redis]', (factory) => {
  let redis: OwnRedis;
  let server: UserServer;
  beforeAll(async () => {
    redis = await ownRedis();
    server = await startUserServer({ factory, redisUrl: redis.url, label: factory.label });
  });
  afterAll(async () => {
    await server?.close();
    await redis?.dispose();
  });

  const flushAll = () => {
    expect(execFileSync('redis-cli', ['-u', redis.url, 'flushall']).toString().trim()).toBe('OK');
  };

  it('keeps a revoked access token refused after FLUSHALL, and a live one working', async () => {
    const ended = await signInSolana(server.url);
    const endedBySignOutEverywhere = await signInSolana(server.url);
    const live = await signInSolana(server.url);
    const as = (token: string | undefined) =>
      clientFor<AppRouter>(server.url, { headers: { authorization: `Bearer ${token}` } });

    // Each is used once first, so a cached "still valid" answer exists before the sign-out.
    for (const member of [ended, endedBySignOutEverywhere, live])
      expect((await as(member.session.accessToken).auth.session.query()).signedIn).toBe(true);
    await as(ended.session.accessToken).auth.logout.mutate();
    await as(endedBySignOutEverywhere.session.accessToken).auth.logoutAll.mutate();
    expect((await as(ended.session.accessToken).auth.session.query()).signedIn).toBe(false);

    flushAll();

    for (const member of [ended, endedBySignOutEverywhere]) {
      const token = member.session.accessToken;
      expect((await as(token).auth.session.query()).signedIn).toBe(false);
      expect((await failure(as(token).user.info.query())).data?.code).toBe('UNAUTHORIZED');
    }
    expect((await as(live.session.accessToken).auth.session.query()).signedIn).toBe(true);
    const info = await as(live.session.accessToken).user.info.query();
    expect(info.id).toBe(live.session.user.id);

    // And after a second loss, with the answers cached again in between.
    flushAll();
    expect((await as(ended.session.accessToken).auth.session.query()).signedIn).toBe(false);
    expect((await as(live.session.accessToken).auth.session.query()).signedIn).toBe(true);
  });

  it('answers a check with one store read once the answer is cached', async () => {
    const { session } = await signInSolana(server.url);
    const sessionId = (session.refreshToken ?? '').split('.')[0] ?? '';
    const calls: string[] = [];
    const store = new Proxy(server.deps.store, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(property));
          return Reflect.apply(value, target, args);
        };
      },
    });
    const deps = { ...server.deps, store };
    flushAll();
    expect(await isRevoked(deps, { sessionId })).toBe(false);
    expect(calls).toEqual(['get', 'set']);
    calls.length = 0;
    expect(await isRevoked(deps, { sessionId })).toBe(false);
    expect(calls).toEqual(['get']);
  });
});
