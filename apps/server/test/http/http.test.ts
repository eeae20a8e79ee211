import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor } from '../support/helpers';
import { type TestRouter, testRouter } from '../support/test-router';

function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'puffy-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Puffy</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), `console.info(${JSON.stringify('x'.repeat(4000))});`);
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n');
  return dir;
}

describe('HTTP surface', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      webDistDir: fakeDist(),
      router: testRouter,
      env: {
        CORS_ORIGINS: 'https://app.example.com',
        BODY_LIMIT_BYTES: '2048',
        MEDIA_HOSTS: 'cdn.example.com',
        TON_CONNECT_UI: 'false',
      },
    });
  });
  afterAll(() => server.close());

  it('/health says the process is alive', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/ready checks the database and the store', async () => {
    const response = await fetch(`${server.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok', store: 'ok' } });
  });

  it('gives every response a request id of its own, logging a well-formed inbound one beside it', async () => {
    const generated = await fetch(`${server.url}/health`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'lb-trace-12345678' } });
    const ours = traced.headers.get('x-request-id');
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.logs.find((l) => l.callerRequestId === 'lb-trace-12345678')).toMatchObject({
      msg: 'request',
      requestId: ours,
    });
    const refused = await fetch(`${server.url}/health`, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(server.logs)).not.toContain('bad id with spaces');
  });

  it('sets the security headers, with the media hosts in the CSP', async () => {
    const response = await fetch(`${server.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob: https://cdn.example.com");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('serves the TON Connect manifest naming this origin, whose host TON proofs must carry', async () => {
    const response = await fetch(`${server.url}/tonconnect-manifest.json`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({
      url: server.url,
      name: 'Puffy Reward Center',
      iconUrl: `${server.url}/icon-192.png`,
    });
  });

  it('allows CORS only for configured origins', async () => {
    const allowed = await fetch(`${server.url}/trpc/echo`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const denied = await fetch(`${server.url}/trpc/echo`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
    });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses bodies over the limit with 413 and runs nothing', async () => {
    const response = await fetch(`${server.url}/trpc/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(5000), count: 1 }),
    });
    expect(response.status).toBe(413);
  });

  it('serves the SPA with a history fallback and long-lived hashed assets', async () => {
    const index = await fetch(`${server.url}/campaigns/some-slug`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${server.url}/assets/app-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${server.url}/robots.txt`)).status).toBe(200);
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/../../etc/passwd`)).headers.get('content-type')).not.toContain(
      'octet',
    );
  });

  it('never answers an API path with the SPA', async () => {
    const unknown = await fetch(`${server.url}/trpc/nope.nothing`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/json');
  });

  it('exports Prometheus metrics labelled by procedure', async () => {
    await clientFor<TestRouter>(server.url, { batch: false }).echo.mutate({ name: 'metrics', count: 1 });
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/puffy_http_requests_total\{method="POST",route="trpc:echo",status="200"\} \d+/);
    expect(text).toContain('puffy_http_request_duration_seconds_bucket');
    expect(text).toContain('puffy_process_cpu_user_seconds_total');
    expect(text).toContain('route="trpc:unknown"');
  });

  it('logs each request as JSON with its request id, and censors codes in URLs', async () => {
    await fetch(`${server.url}/auth/verify-email?token=supersecrettoken&x=1`, {
      headers: { 'x-request-id': 'trace-redaction-1' },
    });
    const line = server.logs.find((l) => l.callerRequestId === 'trace-redaction-1');
    expect(line).toMatchObject({ msg: 'request', method: 'GET', status: 200, level: 'info' });
    expect(line?.url).toBe('/auth/verify-email?token=[Redacted]&x=1');
    expect(JSON.stringify(server.logs)).not.toContain('supersecrettoken');
  });
});

describe('metrics in production need the token', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { METRICS_TOKEN: 'metrics-token-for-the-test-0123456789' } });
  });
  afterAll(() => server.close());

  it('refuses /metrics without the bearer token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const ok = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer metrics-token-for-the-test-0123456789' },
    });
    expect(ok.status).toBe(200);
  });
});
