import type { AppRouter } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { browserLikeClient } from '../support/cookie-client';
import { clientFor, failure } from '../support/helpers';
import { memberClient, signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

const bearer = (url: string, token: string | undefined) =>
  clientFor<AppRouter>(url, { headers: { authorization: `Bearer ${token}` } });

describe('sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => server.close());

  it('rotates the refresh token, and reuse of an old one ends the whole session', async () => {
    const { session } = await signInSolana(server.url);
    const client = memberClient(server.url);
    const first = await client.auth.refresh.mutate({ refreshToken: session.refreshToken, delivery: 'body' });
    expect(first.refreshToken).not.toBe(session.refreshToken);
    const second = await client.auth.refresh.mutate({ refreshToken: first.refreshToken, delivery: 'body' });
    expect((await bearer(server.url, second.accessToken).auth.session.query()).signedIn).toBe(true);

    // A thief replays the first token after the grace window: the family dies, the thief gets nothing.
    const { db, t } = server.deps.db;
    await db.update(t.sessions).set({ rotatedAt: new Date(Date.now() - 60_000) });
    const reuse = await failure(
      client.auth.refresh.mutate({ refreshToken: session.refreshToken, delivery: 'body' }),
    );
    expect(reuse.data?.code).toBe('UNAUTHORIZED');
    expect((await bearer(server.url, second.accessToken).auth.session.query()).signedIn).toBe(false);
    const victim = await failure(
      client.auth.refresh.mutate({ refreshToken: second.refreshToken, delivery: 'body' }),
    );
    expect(victim.data?.code).toBe('UNAUTHORIZED');
    const events = await db.select().from(t.securityEvents);
    expect(events.some((e) => e.type === 'refresh_reuse' && e.userId === session.user.id)).toBe(true);
  });

  it('two tabs refreshing at once: one wins, the other is told to retry, nobody is signed out', async () => {
    const { session } = await signInSolana(server.url);
    const client = memberClient(server.url);
    const results = await Promise.allSettled([
      client.auth.refresh.mutate({ refreshToken: session.refreshToken, delivery: 'body' }),
      client.auth.refresh.mutate({ refreshToken: session.refreshToken, delivery: 'body' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect((lost as PromiseRejectedResult).reason.data.code).toBe('CONFLICT');
    const winner = (won[0] as PromiseFulfilledResult<{ accessToken?: string }>).value;
    expect((await bearer(server.url, winner.accessToken).auth.session.query()).signedIn).toBe(true);
  });

  it('logout revokes the access token at once, before it expires', async () => {
    const { session } = await signInSolana(server.url);
    const me = bearer(server.url, session.accessToken);
    expect((await me.auth.session.query()).signedIn).toBe(true);
    await me.auth.logout.mutate();
    expect((await me.auth.session.query()).signedIn).toBe(false);
    expect((await failure(me.auth.logout.mutate())).data?.code).toBe('UNAUTHORIZED');
    const refresh = await failure(
      memberClient(server.url).auth.refresh.mutate({ refreshToken: session.refreshToken, delivery: 'body' }),
    );
    expect(refresh.data?.code).toBe('UNAUTHORIZED');
  });

  it('logoutAll ends every session of the member and is recorded', async () => {
    const wallet = solanaWallet();
    const a = await signInSolana(server.url, wallet);
    const b = await signInSolana(server.url, wallet);
    const other = await signInSolana(server.url);
    const result = await bearer(server.url, a.session.accessToken).auth.logoutAll.mutate();
    expect(result.sessionsEnded).toBeGreaterThanOrEqual(2);
    expect((await bearer(server.url, a.session.accessToken).auth.session.query()).signedIn).toBe(false);
    expect((await bearer(server.url, b.session.accessToken).auth.session.query()).signedIn).toBe(false);
    expect((await bearer(server.url, other.session.accessToken).auth.session.query()).signedIn).toBe(true);
    const again = await signInSolana(server.url, wallet);
    expect((await bearer(server.url, again.session.accessToken).auth.session.query()).signedIn).toBe(true);
  });

  it('refuses forged and expired access tokens', async () => {
    const { session } = await signInSolana(server.url);
    const token = session.accessToken ?? '';
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    expect((await bearer(server.url, forged).auth.session.query()).signedIn).toBe(false);
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as {
      exp: number;
      iat: number;
    };
    expect(claims.exp - claims.iat).toBe(900);
    expect(Object.keys(claims)).toEqual(
      expect.arrayContaining(['user_id', 'wallet_address', 'chain', 'role', 'exp', 'jti']),
    );
  });

  it('limits challenges to 5 a minute per IP, with a countdown', async () => {
    const client = memberClient(server.url);
    const wallet = solanaWallet();
    for (let i = 0; i < 5; i += 1)
      await client.auth.challenge.mutate({ chain: 'sol', address: wallet.address });
    const limited = await failure(client.auth.challenge.mutate({ chain: 'sol', address: wallet.address }));
    expect(limited.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.data?.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('cookie sessions from a browser', () => {
  let server: TestServer;
  let origin: string;
  beforeAll(async () => {
    server = await startTestServer();
    origin = server.deps.config.publicOrigin;
  });
  afterAll(() => server.close());

  async function signedInTab() {
    const tab = browserLikeClient<AppRouter>(server.url, origin);
    const wallet = solanaWallet();
    const challenge = await tab.client.auth.challenge.mutate({ chain: 'sol', address: wallet.address });
    const session = await tab.client.auth.verify.mutate({
      challengeId: challenge.challengeId,
      proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
    });
    return { tab, session };
  }

  it('sets HttpOnly SameSite=Lax cookies and returns no tokens in the body', async () => {
    const wallet = solanaWallet();
    const challenge = await clientFor<AppRouter>(server.url).auth.challenge.mutate({
      chain: 'sol',
      address: wallet.address,
    });
    const response = await fetch(`${server.url}/trpc/auth.verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({
        challengeId: challenge.challengeId,
        proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
      }),
    });
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    for (const cookie of cookies) {
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Secure');
    }
    const body = (await response.json()) as { result: { data: Record<string, unknown> } };
    expect(body.result.data.accessToken).toBeUndefined();
    expect(body.result.data.csrfToken).toBeTruthy();
  });

  it('requires the CSRF token on cookie-authenticated mutations', async () => {
    const { tab, session } = await signedInTab();
    expect((await tab.client.auth.session.query()).signedIn).toBe(true);
    const missing = await failure(tab.client.auth.logout.mutate());
    expect(missing.data).toMatchObject({ code: 'FORBIDDEN', reason: 'csrf' });
    tab.setCsrf('wrong-token');
    expect((await failure(tab.client.auth.logout.mutate())).data?.reason).toBe('csrf');
    tab.setCsrf(session.csrfToken);
    await tab.client.auth.logout.mutate();
    expect((await tab.client.auth.session.query()).signedIn).toBe(false);
  });

  it('refuses state changes from another origin', async () => {
    const evil = browserLikeClient<AppRouter>(server.url, 'https://evil.example.net');
    const error = await failure(
      evil.client.auth.challenge.mutate({ chain: 'sol', address: solanaWallet().address }),
    );
    expect(error.data).toMatchObject({ code: 'FORBIDDEN', reason: 'bad_origin' });
  });

  it('refreshes from the cookie and keeps the member signed in', async () => {
    const { tab, session } = await signedInTab();
    tab.setCsrf(session.csrfToken);
    const before = tab.jar.get('puffy_rt');
    const refreshed = await tab.client.auth.refresh.mutate();
    expect(tab.jar.get('puffy_rt')).not.toBe(before);
    tab.setCsrf(refreshed.csrfToken);
    const state = await tab.client.auth.session.query();
    expect(state.signedIn && state.user.id).toBe(session.user.id);
  });
});
