import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor, failure } from '../support/helpers';
import { signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

describe.each(testDatabases())('analytics and telemetry on $label', (database) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const adminWallet = solanaWallet();
  let admin: ReturnType<typeof clientFor<AppRouter>>;
  const from = new Date(Date.now() - 60 * 60 * 1000).toISOString();
  const to = () => new Date(Date.now() + 60 * 1000).toISOString();

  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    await created.db.close();
    server = await startTestServer({
      env: { DATABASE_URL: created.url, TRUST_PROXY: 'true', ADMIN_WALLETS: `sol:${adminWallet.address}` },
    });
    const { session } = await signInSolana(server.url, adminWallet);
    admin = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': '10.8.0.1' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  const guest = (ip: string) => clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': ip } });
  const event = (name: 'visit' | 'connect', sessionId: string, occurredAt = new Date().toISOString()) => ({
    id: crypto.randomUUID(),
    name,
    sessionId,
    occurredAt,
    properties: { path: '/campaigns' },
  });

  it('counts a resent batch once, and builds the funnel with conversions', async () => {
    const batch = {
      events: [
        event('visit', 'session-aaaa'),
        event('visit', 'session-bbbb'),
        event('visit', 'session-bbbb'),
        event('visit', 'session-cccc'),
        event('connect', 'session-aaaa'),
        event('connect', 'session-bbbb'),
      ],
    };
    expect(await guest('10.8.1.1').analytics.track.mutate(batch)).toEqual({ accepted: 6 });
    expect(await guest('10.8.1.1').analytics.track.mutate(batch)).toEqual({ accepted: 0 });

    // Two members sign in (the admin did too); signing in again counts once.
    const member = solanaWallet();
    await signInSolana(server.url, member);
    await signInSolana(server.url, member);

    const { steps } = await admin.admin.funnel.query({ from, to: to() });
    expect(steps.map((s) => s.name)).toEqual([
      'visit',
      'connect',
      'sign_in',
      'eligible',
      'claimed',
      'minted',
      'ordered',
    ]);
    expect(steps[0]).toEqual({ name: 'visit', count: 3, conversion: null });
    expect(steps[1]).toEqual({ name: 'connect', count: 2, conversion: 2 / 3 });
    expect(steps[2]).toEqual({ name: 'sign_in', count: 2, conversion: 1 });
    expect(steps[3]).toEqual({ name: 'eligible', count: 0, conversion: 0 });
    expect(steps[4]).toEqual({ name: 'claimed', count: 0, conversion: null });
  });

  it('refuses server-side steps, stale times and oversized batches from a browser, storing nothing', async () => {
    const client = guest('10.8.2.1');
    const before = (await admin.admin.funnel.query({ from, to: to() })).steps[0]?.count;
    const minted = await failure(
      client.analytics.track.mutate({
        // @ts-expect-error the SPA cannot send a server-side step
        events: [{ ...event('visit', 'session-dddd'), name: 'minted' }],
      }),
    );
    expect(minted.data?.code).toBe('BAD_REQUEST');
    const stale = await failure(
      client.analytics.track.mutate({
        events: [event('visit', 'session-eeee'), event('visit', 'session-ffff', '2020-01-01T00:00:00.000Z')],
      }),
    );
    expect(stale.data?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(stale.data)).toContain('events.1.occurredAt');
    const tooMany = await failure(
      client.analytics.track.mutate({
        events: Array.from({ length: 21 }, () => event('visit', 'session-gggg')),
      }),
    );
    expect(tooMany.data?.code).toBe('BAD_REQUEST');
    expect((await admin.admin.funnel.query({ from, to: to() })).steps[0]?.count).toBe(before);
  });

  it('refuses a funnel range that ends before it starts, and the funnel to non-admins', async () => {
    const backwards = await failure(admin.admin.funnel.query({ from: to(), to: from }));
    expect(backwards.data?.code).toBe('BAD_REQUEST');
    const { session } = await signInSolana(server.url);
    const member = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect((await failure(member.admin.funnel.query({ from, to: to() }))).data?.code).toBe('FORBIDDEN');
  });

  it('logs client errors with the request id, refuses paths that carry a query, and rate-limits', async () => {
    const client = guest('10.8.3.1');
    const report = {
      name: 'TypeError',
      message: 'x is undefined',
      stack: 'TypeError: x is undefined\n    at Page',
      componentStack: null,
      boundary: 'route' as const,
      path: '/campaigns/7',
      requestId: 'req-of-the-failed-call',
    };
    await client.telemetry.clientError.mutate(report);
    const line = server.logs.find(
      (l) => l.msg === 'client error' && l.failedRequestId === 'req-of-the-failed-call',
    );
    expect(line?.requestId).toEqual(expect.any(String));
    expect(line?.clientError).toMatchObject({ path: '/campaigns/7', boundary: 'route' });

    const leaky = await failure(
      client.telemetry.clientError.mutate({ ...report, path: '/auth/verify-email?token=abc' }),
    );
    expect(leaky.data?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(server.logs)).not.toContain('token=abc');

    const flood = clientFor<AppRouter>(server.url, {
      batch: false,
      headers: { 'x-forwarded-for': '10.8.3.2' },
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 21 }, () => flood.telemetry.clientError.mutate(report)),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
  });
});
