import type { AppRouter } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor, failure } from '../support/helpers';
import { type TestRouter, testRouter, testSessions } from '../support/test-router';

describe('tRPC core over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ router: testRouter, resolveSession: testSessions });
  });
  afterAll(() => server.close());

  const as = (name?: string) =>
    clientFor<TestRouter>(server.url, { headers: name ? { authorization: `Test ${name}` } : {} });

  it('validates input and answers BAD_REQUEST with field errors', async () => {
    const error = await failure(as().echo.mutate({ name: 'x', count: 0 }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.httpStatus).toBe(400);
    expect(Object.keys(error.data?.fieldErrors ?? {}).sort()).toEqual(['count', 'name']);
    expect(error.message).toMatch(/name: /);
    expect(await as().echo.mutate({ name: 'puffy', count: 2 })).toEqual({ greeting: 'hello puffy x2' });
  });

  it('refuses a query over GET for a mutation and vice versa', async () => {
    const response = await fetch(
      `${server.url}/trpc/echo?input=${encodeURIComponent('{"name":"ab","count":1}')}`,
    );
    expect(response.status).toBe(405);
  });

  it('hides internals of unexpected errors and logs them with the request id', async () => {
    const error = await failure(as().boom.query());
    expect(error.data?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error.data)).not.toContain('hunter2');
    expect(JSON.stringify(error.shape)).not.toContain('stack');
    const requestId = error.data?.requestId;
    expect(requestId).toBeTruthy();
    const logged = server.logs.find(
      (l) => l.msg === 'unexpected error in procedure' && l.requestId === requestId,
    );
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('stack');
  });

  it('validates outputs too', async () => {
    const error = await failure(as().badOutput.query());
    expect(error.data?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('maps domain errors to stable codes with a reason and the values its sentence shows', async () => {
    const conflict = await failure(as().conflict.mutate());
    expect(conflict.data).toMatchObject({
      code: 'CONFLICT',
      httpStatus: 409,
      reason: 'code_used_up',
      params: { code: 'PUFFY1', maxUses: 3 },
    });
    expect(conflict.message).toBe('The referral code "PUFFY1" has been used all 3 times.');
    const upstream = await failure(as().upstream.query());
    expect(upstream.data).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      httpStatus: 503,
      retryAfterSeconds: 5,
    });
  });

  it('enforces procedure kinds', async () => {
    expect((await failure(as().mine.query())).data?.code).toBe('UNAUTHORIZED');
    expect(await as('member').mine.query()).toBe('u-member');

    expect((await failure(as().ops.query())).data?.code).toBe('UNAUTHORIZED');
    expect((await failure(as('member').ops.query())).data?.code).toBe('FORBIDDEN');
    const wrongScope = await failure(as('campaignAdmin').ops.query());
    expect(wrongScope.data).toMatchObject({ code: 'FORBIDDEN', reason: 'missing_scope' });
    expect(await as('admin').ops.query()).toBe('orders desk');

    expect((await failure(as().profile.query({ userId: 'u-member' }))).data?.code).toBe('UNAUTHORIZED');
    expect(await as('member').profile.query({ userId: 'u-member' })).toBe('u-member');
    expect((await failure(as('member').profile.query({ userId: 'u-other' }))).data?.code).toBe('FORBIDDEN');
    expect(await as('admin').profile.query({ userId: 'u-member' })).toBe('u-member');
  });

  it('rate-limits with TOO_MANY_REQUESTS, retryAfterSeconds and a Retry-After header', async () => {
    const client = as();
    expect(await client.limited.query()).toBe('ok');
    expect(await client.limited.query()).toBe('ok');
    const error = await failure(client.limited.query());
    expect(error.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(error.data?.retryAfterSeconds).toBeGreaterThan(0);
    const raw = await fetch(`${server.url}/trpc/limited`);
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts every call of a batch against the limits', async () => {
    const response = await fetch(`${server.url}/trpc/limited,limited,limited?batch=1&input={}`, {
      headers: { 'x-forwarded-for': 'ignored-without-trust-proxy' },
    });
    const body = (await response.json()) as Array<{ error?: { data: { code: string } } }>;
    expect(body.filter((r) => r.error?.data.code === 'TOO_MANY_REQUESTS')).toHaveLength(3);
  });

  it('refuses batches over the maximum size', async () => {
    const names = Array.from({ length: 21 }, () => 'mine').join(',');
    const response = await fetch(`${server.url}/trpc/${names}?batch=1&input={}`);
    expect(response.status).toBe(400);
  });
});

describe('system.version end to end', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers through the real client with the deployment facts', async () => {
    const version = await clientFor<AppRouter>(server.url).system.version.query();
    expect(version).toMatchObject({
      name: 'puffy-reward-center',
      environment: 'test',
      database: 'sqlite',
      store: 'memory',
    });
    expect(Date.parse(version.serverTime)).not.toBeNaN();
  });
});
