import type { AppRouter } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor, failure } from '../support/helpers';
import { type OwnRedis, ownRedis } from '../support/own-services';
import { signInSolana } from '../support/signin';

/** Redis stopped under load and started again, on a redis-server of the test's own. */
describe('Redis stopped under load and restarted [redis]', () => {
  let redis: OwnRedis;
  let server: TestServer;

  beforeAll(async () => {
    redis = await ownRedis();
    server = await startTestServer({
      env: { REDIS_URL: redis.url, REDIS_PREFIX: `fault-${crypto.randomUUID()}:`, TRUST_PROXY: 'true' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await redis?.dispose();
  });

  const ready = async () => {
    const response = await fetch(`${server.url}/ready`);
    return { status: response.status, body: (await response.json()) as { checks: Record<string, string> } };
  };
  const bearer = (token: string) =>
    clientFor<AppRouter>(server.url, { headers: { authorization: `Bearer ${token}` } });
  async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (await check().catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${what} within ${timeoutMs} ms`);
  }

  it('reports it on /ready, keeps signed-in reads working, answers with retryable errors, and returns by itself; no revocation is lost', async () => {
    const kept = await signInSolana(server.url);
    const ended = await signInSolana(server.url);
    const endedWhileDown = await signInSolana(server.url);
    const keptToken = kept.session.accessToken ?? '';
    const endedToken = ended.session.accessToken ?? '';
    const endedWhileDownToken = endedWhileDown.session.accessToken ?? '';
    await bearer(endedToken).auth.logout.mutate();
    const members = await Promise.all(Array.from({ length: 4 }, () => signInSolana(server.url)));
    const memberTokens = members.map((m) => m.session.accessToken ?? '');

    // Load throughout: anonymous session reads and health checks; every answer is recorded.
    const statuses = new Map<number, number>();
    const sessionReadsWhileDown: number[] = [];
    const signedInReadsWhileDown: string[] = [];
    const signedInReads: string[] = [];
    let redisDown = false;
    let loading = true;
    const load = (async () => {
      while (loading) {
        await Promise.all(
          Array.from({ length: 8 }, async (_, i) => {
            const response = await fetch(i % 2 ? `${server.url}/health` : `${server.url}/trpc/auth.session`, {
              // Anonymous: rate limited per IP, so these exercise the limiter's fallback while Redis is down.
              headers: { 'x-forwarded-for': `10.9.0.${i}` },
            });
            await response.arrayBuffer();
            if (redisDown && i % 2 === 0) sessionReadsWhileDown.push(response.status);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          }),
        );
      }
    })();
    // Signed-in load: each member reads their session; the answer must say they are still signed in.
    const signedInLoad = Promise.all(
      memberTokens.map(async (token) => {
        while (loading) {
          const answer = await bearer(token)
            .auth.session.query()
            .then((state) => (state.signedIn ? 'signed in' : 'signed out'))
            .catch((error: Error) => error.message);
          signedInReads.push(answer);
          if (redisDown) signedInReadsWhileDown.push(answer);
        }
      }),
    );

    await redis.stop();
    await until('/ready did not report the store', async () => {
      const r = await ready();
      return r.status === 503 && r.body.checks.store !== 'ok' && r.body.checks.database === 'ok';
    });
    const refused = await failure(
      clientFor<AppRouter>(server.url).auth.challenge.mutate({ chain: 'sol', address: kept.wallet.address }),
    );
    expect(refused.data?.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.message).toMatch(/try again/i);

    redisDown = true;
    await until('no session read was answered while Redis was down', async () =>
      sessionReadsWhileDown.includes(200),
    );
    await until(
      'no signed-in read was answered while Redis was down',
      async () => signedInReadsWhileDown.length >= 20,
    );
    // Revocations keep working from the durable record while the store is down, and after it returns.
    await bearer(endedWhileDownToken).auth.logout.mutate();
    expect((await bearer(endedWhileDownToken).auth.session.query()).signedIn).toBe(false);
    expect((await bearer(endedToken).auth.session.query()).signedIn).toBe(false);
    redisDown = false;
    await redis.start();
    await until('/ready did not recover by itself', async () => (await ready()).status === 200);
    await until('sign-in did not come back', async () =>
      Boolean((await signInSolana(server.url)).session.user.id),
    );
    loading = false;
    await Promise.all([load, signedInLoad]);

    const keptState = await bearer(keptToken).auth.session.query();
    expect(keptState.signedIn).toBe(true);
    const endedState = await bearer(endedToken).auth.session.query();
    expect(endedState.signedIn).toBe(false);
    // Signed out while the store was down: its mark was written back once the store answered.
    expect((await bearer(endedWhileDownToken).auth.session.query()).signedIn).toBe(false);
    expect(signedInReadsWhileDown.length).toBeGreaterThanOrEqual(20);
    expect(signedInReads.filter((answer) => answer !== 'signed in')).toEqual([]);
    // Nothing answered as an internal error: only successes and retryable refusals.
    const internal = server.logs.filter((l) => Number(l.status) >= 500 && l.status !== 503);
    expect(internal.map((l) => `${l.url} ${l.status}`)).toEqual([]);
    expect([...statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    // Rate limits fell back to the in-process insurance limiter instead of refusing everyone.
    expect(sessionReadsWhileDown.filter((s) => s !== 200)).toEqual([]);
  });
});
