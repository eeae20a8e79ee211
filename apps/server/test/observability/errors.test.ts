import { publicProcedure, router } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../../src/testing';
import { type Collector, startCollector, until } from './support/collector';

// What a member's request carries that must never reach the error tracker.
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.bearer-secret-part.Zm9vYmFy';
const COOKIE = 'cookie-secret-7f3a9c';
const REFERRAL = 'REFSECRET42';

/** A procedure that fails unexpectedly and whose error message echoes what the request carried. */
const failingRouter = router({
  redeem: publicProcedure.input(z.object({ referralCode: z.string() })).mutation(({ input }) => {
    throw new Error(
      `upstream refused /callback?code=${input.referralCode} with Authorization: Bearer ${BEARER}`,
    );
  }),
});

describe('error reports (SENTRY_DSN)', () => {
  let collector: Collector;
  let server: TestServer;

  beforeAll(async () => {
    collector = await startCollector();
    server = await startTestServer({
      router: failingRouter,
      env: { SENTRY_DSN: `http://publickey@127.0.0.1:${collector.port}/42`, SENTRY_ENVIRONMENT: 'ci' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await collector?.close();
  });

  it('sends an unexpected server error with its request id and without the secrets the request carried', async () => {
    const response = await fetch(`${server.url}/trpc/redeem`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${BEARER}`,
        cookie: `puffy_session=${COOKIE}`,
        origin: server.url,
      },
      body: JSON.stringify({ referralCode: REFERRAL }),
    });
    expect(response.status).toBe(500);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();

    await until(() => collector.envelopes.length > 0, 'an envelope');
    const envelope = collector.envelopes[0];
    const event = envelope?.items.find((item) => item.header.type === 'event')?.payload as {
      tags?: Record<string, string>;
      environment?: string;
      exception?: { values?: Array<{ type: string; value: string; stacktrace?: { frames?: unknown[] } }> };
    };
    expect(event.tags?.requestId).toBe(requestId);
    expect(event.tags?.service).toBe('server');
    expect(event.environment).toBe('ci');
    const exception = event.exception?.values?.[0];
    expect(exception?.type).toBe('Error');
    expect(exception?.value).toContain('upstream refused');
    expect(exception?.stacktrace?.frames?.length).toBeGreaterThan(0);
    for (const secret of [BEARER, COOKIE, REFERRAL]) expect(envelope?.raw).not.toContain(secret);
  });

  it('tells the SPA where to report its crashes, through system.version', async () => {
    const version = await startTestServer({
      env: { SENTRY_DSN: `http://publickey@127.0.0.1:${collector.port}/42`, SENTRY_RELEASE: '2026.12.1' },
    });
    try {
      const answer = (await (await fetch(`${version.url}/trpc/system.version`)).json()) as {
        result: { data: { errorTracking: unknown } };
      };
      expect(answer.result.data.errorTracking).toEqual({
        dsn: `http://publickey@127.0.0.1:${collector.port}/42`,
        environment: 'test',
        release: '2026.12.1',
      });
    } finally {
      await version.close();
    }
  });
});
