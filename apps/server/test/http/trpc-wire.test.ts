import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { type AppRouter, publicProcedure, router } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../../src/testing';
import { browserLikeClient } from '../support/cookie-client';
import { clientFor, failure } from '../support/helpers';
import { testRouter, testSessions } from '../support/test-router';
import { solanaWallet } from '../support/wallets';

/**
 * The fast /trpc handler must be indistinguishable on the wire from the stock fetch adapter. Two
 * servers run side by side, one with TRPC_FAST_PATH=false (the reference), and every request below is
 * sent to both; status, headers and body must match.
 */
const wireRouter = router({
  ...testRouter._def.record,
  big: publicProcedure
    .input(z.object({ n: z.number().int().max(5000) }))
    .query(({ input }) => ({ items: Array.from({ length: input.n }, (_, i) => `item-${i}`) })),
  // The same for everyone: cacheable by browsers and CDNs, revalidated by ETag.
  published: publicProcedure
    .meta({ publicCacheSeconds: 30 })
    .input(z.object({ page: z.number().int().min(1) }))
    .query(({ input }) => ({ page: input.page, items: ['a', 'b'] })),
  setsCookies: publicProcedure.mutation(({ ctx }) => {
    ctx.res.appendCookie('first=1; Path=/; HttpOnly');
    ctx.res.appendCookie('second=2; Path=/; SameSite=Lax');
    ctx.res.setHeader('Cache-Control', 'no-store');
    return { set: 2 };
  }),
  ticks: publicProcedure.input(z.object({ count: z.number().int().max(5) })).subscription(async function* ({
    input,
  }) {
    for (let i = 0; i < input.count; i += 1) yield { tick: i };
  }),
});

const env = {
  CORS_ORIGINS: 'https://app.example.com',
  BODY_LIMIT_BYTES: '4096',
  MEDIA_HOSTS: 'cdn.example.com',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Headers that legitimately differ between two servers or two framings of the same body. */
const TRANSPORT = new Set(['date', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

interface Wire {
  status: number;
  headers: Record<string, string>;
  cookies: string[];
  body: unknown;
}

async function exchange(base: string, path: string, init: RequestInit = {}): Promise<Wire> {
  const headers = new Headers(init.headers);
  if (!headers.has('x-request-id')) headers.set('x-request-id', 'wire-test-request-0001');
  const response = await fetch(`${base}${path}`, { ...init, headers });
  const text = await response.text();
  const out: Record<string, string> = {};
  for (const [name, value] of response.headers) {
    if (!TRANSPORT.has(name) && name !== 'set-cookie') out[name] = value;
  }
  let body: unknown = text;
  try {
    // Each server draws its own request ids: compare that there is one, not which.
    body = JSON.parse(text, (key, value) =>
      key === 'requestId' && typeof value === 'string' && UUID.test(value) ? '<our request id>' : value,
    );
  } catch {
    // Not JSON (an SSE stream or a plain-text refusal): compare the text itself.
  }
  if (out['x-request-id'] && UUID.test(out['x-request-id'])) out['x-request-id'] = '<our request id>';
  return { status: response.status, headers: out, cookies: response.headers.getSetCookie(), body };
}

const json = { 'content-type': 'application/json' };
/** sha1 of `{"result":{"data":{"page":1,"items":["a","b"]}}}`, base64url, as the server tags it. */
const PUBLISHED_PAGE_1_ETAG = `"${createHash('sha1')
  .update(JSON.stringify({ result: { data: { page: 1, items: ['a', 'b'] } } }))
  .digest('base64url')}"`;
const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** Each case: a name, a path and the fetch options; sent in this order to both servers. */
const cases: Array<[string, string, RequestInit?]> = [
  ['query with input', `/trpc/slow?input=${input({ ms: 1 })}`],
  ['query with invalid input', `/trpc/slow?input=${input({ ms: 'soon' })}`],
  ['query input that is not JSON', '/trpc/slow?input=%7Bnot-json'],
  ['query without its input', '/trpc/slow'],
  [
    'mutation',
    '/trpc/echo',
    { method: 'POST', headers: json, body: JSON.stringify({ name: 'pu', count: 2 }) },
  ],
  [
    'mutation with bad input',
    '/trpc/echo',
    { method: 'POST', headers: json, body: '{"name":"x","count":0}' },
  ],
  ['mutation with a broken body', '/trpc/echo', { method: 'POST', headers: json, body: '{"name":' }],
  ['mutation with an empty body', '/trpc/echo', { method: 'POST', headers: json, body: '' }],
  [
    'mutation with a byte order mark',
    '/trpc/echo',
    { method: 'POST', headers: json, body: '\ufeff{"name":"bom","count":1}' },
  ],
  [
    'mutation as text/plain',
    '/trpc/echo',
    { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' },
  ],
  ['mutation without content-type', '/trpc/echo', { method: 'POST', body: new Uint8Array([123, 125]) }],
  ['mutation over GET', `/trpc/echo?input=${input({ name: 'ab', count: 1 })}`],
  ['query over POST', '/trpc/slow', { method: 'POST', headers: json, body: '{"ms":1}' }],
  ['unknown procedure', '/trpc/nope.nothing'],
  ['unknown procedure over POST', '/trpc/nope.nothing', { method: 'POST', headers: json, body: '{}' }],
  ['internal error hides details', '/trpc/boom'],
  ['invalid output', '/trpc/badOutput'],
  ['domain error', '/trpc/conflict', { method: 'POST', headers: json, body: '' }],
  ['upstream error', '/trpc/upstream'],
  ['signed-in query', '/trpc/mine', { headers: { authorization: 'Test member' } }],
  ['signed-out query', '/trpc/mine'],
  ['wrong admin scope', '/trpc/ops', { headers: { authorization: 'Test campaignAdmin' } }],
  [
    'batch of queries',
    `/trpc/slow,mine,slow?batch=1&input=${input({ 0: { ms: 1 }, 2: { ms: 2 } })}`,
    { headers: { authorization: 'Test member' } },
  ],
  ['batch with mixed statuses (207)', `/trpc/slow,mine?batch=1&input=${input({ 0: { ms: 1 } })}`],
  [
    'batch of mutations',
    '/trpc/echo,echo?batch=1',
    {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ 0: { name: 'aa', count: 1 }, 1: { name: 'b', count: 1 } }),
    },
  ],
  ['batch with an unknown procedure', '/trpc/slow,nope?batch=1&input={}'],
  ['batch input not an object', '/trpc/slow,slow?batch=1&input=[1,2]'],
  ['batch mixing queries and mutations', '/trpc/slow,echo?batch=1&input={}'],
  ['batch of 20', `/trpc/${Array(20).fill('mine').join(',')}?batch=1&input={}`],
  ['batch over the limit of 20', `/trpc/${Array(21).fill('mine').join(',')}?batch=1&input={}`],
  ['commas without batch=1', '/trpc/slow,mine'],
  ['rate limit 1', '/trpc/limited'],
  ['rate limit 2', '/trpc/limited'],
  ['rate limit 3: refused with Retry-After', '/trpc/limited'],
  ['rate limit in a batch', '/trpc/limited,limited?batch=1&input={}'],
  [
    'allowed CORS origin',
    `/trpc/slow?input=${input({ ms: 1 })}`,
    { headers: { origin: 'https://app.example.com' } },
  ],
  [
    'unknown CORS origin',
    `/trpc/slow?input=${input({ ms: 1 })}`,
    { headers: { origin: 'https://evil.example.net' } },
  ],
  [
    'CORS preflight',
    '/trpc/echo',
    {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-csrf-token',
      },
    },
  ],
  [
    'refused CORS preflight',
    '/trpc/echo',
    {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
    },
  ],
  ['gzip', `/trpc/big?input=${input({ n: 400 })}`, { headers: { 'accept-encoding': 'gzip' } }],
  [
    'deflate preferred by q',
    `/trpc/big?input=${input({ n: 400 })}`,
    { headers: { 'accept-encoding': 'gzip;q=0.5, deflate;q=0.8' } },
  ],
  ['identity only', `/trpc/big?input=${input({ n: 400 })}`, { headers: { 'accept-encoding': 'identity' } }],
  ['brotli only', `/trpc/big?input=${input({ n: 3 })}`, { headers: { 'accept-encoding': 'br' } }],
  [
    'body over the limit',
    '/trpc/echo',
    { method: 'POST', headers: json, body: JSON.stringify({ name: 'x'.repeat(5000), count: 1 }) },
  ],
  [
    'cookies and headers set by a procedure',
    '/trpc/setsCookies',
    { method: 'POST', headers: json, body: '' },
  ],
  [
    'subscription over SSE',
    `/trpc/ticks?input=${input({ count: 3 })}`,
    { headers: { accept: 'text/event-stream' } },
  ],
  [
    'streamed batch (jsonl)',
    `/trpc/slow,slow?batch=1&input=${input({ 0: { ms: 1 }, 1: { ms: 1 } })}`,
    { headers: { 'trpc-accept': 'application/jsonl' } },
  ],
  ['public query (Cache-Control, ETag)', `/trpc/published?input=${input({ page: 1 })}`],
  [
    'public query revalidated (304)',
    `/trpc/published?input=${input({ page: 1 })}`,
    { headers: { 'if-none-match': PUBLISHED_PAGE_1_ETAG } },
  ],
  [
    'public query with a stale ETag',
    `/trpc/published?input=${input({ page: 1 })}`,
    { headers: { 'if-none-match': '"stale", W/"older"' } },
  ],
  [
    'public query compressed',
    `/trpc/published?input=${input({ page: 2 })}`,
    { headers: { 'accept-encoding': 'gzip' } },
  ],
  ['public query refused (no caching)', `/trpc/published?input=${input({ page: 0 })}`],
  [
    'public and private in one batch (no caching)',
    `/trpc/published,mine?batch=1&input=${input({ 0: { page: 1 } })}`,
    { headers: { authorization: 'Test member' } },
  ],
  [
    'public queries batched (cached)',
    `/trpc/published,published?batch=1&input=${input({ 0: { page: 1 }, 1: { page: 2 } })}`,
  ],
  ['trailing slash', `/trpc/slow/?input=${input({ ms: 1 })}`],
  ['HEAD', '/trpc/slow', { method: 'HEAD' }],
  ['short inbound request id not taken as ours', '/trpc/mine', { headers: { 'x-request-id': 'abc' } }],
  [
    'dotted inbound request id not taken as ours',
    '/trpc/mine',
    { headers: { 'x-request-id': 'lb-trace.12345678' } },
  ],
  [
    'duplicate authorization headers',
    '/trpc/mine',
    {
      headers: [
        ['authorization', 'Test member'],
        ['authorization', 'Test admin'],
      ],
    },
  ],
];

describe('the fast /trpc handler on the wire', () => {
  let fast: TestServer;
  let reference: TestServer;
  beforeAll(async () => {
    [fast, reference] = await Promise.all([
      startTestServer({ router: wireRouter, resolveSession: testSessions, env }),
      startTestServer({
        router: wireRouter,
        resolveSession: testSessions,
        env: { ...env, TRPC_FAST_PATH: 'false' },
      }),
    ]);
  });
  afterAll(() => Promise.all([fast.close(), reference.close()]));

  it('answers every request exactly as the stock fetch adapter does', async () => {
    for (const [name, path, init] of cases) {
      const [ours, theirs] = [
        await exchange(fast.url, path, init),
        await exchange(reference.url, path, init),
      ];
      expect({ name, ...ours }).toEqual({ name, ...theirs });
    }
  });

  it('keeps what the existing tests expect of those responses', async () => {
    for (let i = 0; i < 3; i += 1) await exchange(fast.url, '/trpc/limited');
    const limited = await exchange(fast.url, '/trpc/limited');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const over = await exchange(fast.url, `/trpc/${Array(21).fill('mine').join(',')}?batch=1&input={}`);
    expect(over.status).toBe(400);
    const mixed = await exchange(fast.url, `/trpc/slow,mine?batch=1&input=${input({ 0: { ms: 1 } })}`);
    expect(mixed.status).toBe(207);
    expect(mixed.body).toMatchObject([
      { result: { data: 'finished' } },
      { error: { data: { code: 'UNAUTHORIZED' } } },
    ]);
    const unknown = await exchange(fast.url, '/trpc/nope.nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/json');
    const tooBig = await exchange(fast.url, '/trpc/echo', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'x'.repeat(5000), count: 1 }),
    });
    expect(tooBig.status).toBe(413);
    const cookies = await exchange(fast.url, '/trpc/setsCookies', {
      method: 'POST',
      headers: json,
      body: '',
    });
    expect(cookies.cookies).toEqual(['first=1; Path=/; HttpOnly', 'second=2; Path=/; SameSite=Lax']);
    const allowed = await exchange(fast.url, '/trpc/mine', {
      headers: { origin: 'https://app.example.com' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(allowed.headers['content-security-policy']).toContain('https://cdn.example.com');
    expect(allowed.headers['x-request-id']).toBe('<our request id>');

    const published = await exchange(fast.url, `/trpc/published?input=${input({ page: 1 })}`);
    expect(published.headers['cache-control']).toBe('public, max-age=0, s-maxage=30, must-revalidate');
    // fetch asks for gzip, and a compressed answer carries the weak form of the tag.
    expect(published.headers.etag).toBe(`W/${PUBLISHED_PAGE_1_ETAG}`);
    const revalidated = await exchange(fast.url, `/trpc/published?input=${input({ page: 1 })}`, {
      headers: { 'if-none-match': PUBLISHED_PAGE_1_ETAG },
    });
    expect([revalidated.status, revalidated.body]).toEqual([304, '']);
    expect(revalidated.headers.etag).toBe(PUBLISHED_PAGE_1_ETAG);
    const weakRevalidation = await exchange(fast.url, `/trpc/published?input=${input({ page: 1 })}`, {
      headers: { 'if-none-match': `W/${PUBLISHED_PAGE_1_ETAG}` },
    });
    expect(weakRevalidation.status).toBe(304);
    const withSession = await exchange(
      fast.url,
      `/trpc/published,mine?batch=1&input=${input({ 0: { page: 1 } })}`,
      { headers: { authorization: 'Test member' } },
    );
    expect(withSession.headers['cache-control']).toBeUndefined();
    expect(withSession.headers.etag).toBeUndefined();
  });

  it('refuses a streamed body over the limit without a Content-Length', async () => {
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
        controller.close();
      },
    });
    const send = (base: string) =>
      fetch(`${base}/trpc/echo`, { method: 'POST', headers: json, body, duplex: 'half' } as RequestInit);
    expect((await send(fast.url)).status).toBe(413);
  });

  it('sends real gzip bytes when asked', async () => {
    const raw = await new Promise<{ encoding?: string; bytes: Buffer }>((resolve, reject) => {
      const url = new URL(`${fast.url}/trpc/big?input=${input({ n: 300 })}`);
      httpRequest(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    });
    expect(raw.encoding).toBe('gzip');
    const parsed = JSON.parse(gunzipSync(raw.bytes).toString()) as { result: { data: { items: string[] } } };
    expect(parsed.result.data.items).toHaveLength(300);
  });

  it('counts fast-path requests in the metrics by procedure and logs them with the request id', async () => {
    await exchange(fast.url, '/trpc/mine', { headers: { 'x-request-id': 'metrics-wire-0001' } });
    const text = await (await fetch(`${fast.url}/metrics`)).text();
    expect(text).toMatch(/puffy_http_requests_total\{method="GET",route="trpc:mine",status="401"\} \d+/);
    const line = fast.logs.find((l) => l.callerRequestId === 'metrics-wire-0001');
    expect(line?.requestId).toMatch(UUID);
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      url: '/trpc/mine',
      status: 401,
    });
  });

  it('answers 200 concurrent calls, each with its own result', async () => {
    const client = clientFor<typeof wireRouter>(fast.url, { batch: false });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        Promise.all([client.slow.query({ ms: i % 7 }), client.echo.mutate({ name: `n${i}`, count: i + 1 })]),
      ),
    );
    results.forEach(([slow, echo], i) => {
      expect(slow).toBe('finished');
      expect(echo.greeting).toBe(`hello n${i} x${i + 1}`);
    });
  });
});

describe('cookie sign-in with CSRF through the fast handler', () => {
  let fast: TestServer;
  let reference: TestServer;
  beforeAll(async () => {
    [fast, reference] = await Promise.all([
      startTestServer(),
      startTestServer({ env: { TRPC_FAST_PATH: 'false' } }),
    ]);
  });
  afterAll(() => Promise.all([fast.close(), reference.close()]));

  /** Signs in through cookies, then checks CSRF refusal and acceptance; returns what the wire showed. */
  async function cookieFlow(server: TestServer) {
    const origin = server.deps.config.publicOrigin;
    const tab = browserLikeClient<AppRouter>(server.url, origin);
    const wallet = solanaWallet();
    const challenge = await tab.client.auth.challenge.mutate({ chain: 'sol', address: wallet.address });
    const raw = await fetch(`${server.url}/trpc/auth.verify`, {
      method: 'POST',
      headers: { ...json, origin },
      body: JSON.stringify({
        challengeId: challenge.challengeId,
        proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
      }),
    });
    const cookieShapes = raw.headers.getSetCookie().map((c) =>
      c
        .replace(/=[^;]*/, '=<value>')
        .replace(/Max-Age=\d+/i, 'Max-Age=<n>')
        .replace(/Expires=[^;]+/i, 'Expires=<date>'),
    );
    const verified = (await raw.json()) as { result: { data: { csrfToken: string } } };
    for (const line of raw.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) tab.jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const signedIn = await tab.client.auth.session.query();
    const missing = await failure(tab.client.auth.logout.mutate());
    tab.setCsrf(verified.result.data.csrfToken);
    await tab.client.auth.logout.mutate();
    const after = await tab.client.auth.session.query();
    const evil = browserLikeClient<AppRouter>(server.url, 'https://evil.example.net');
    const foreign = await failure(
      evil.client.auth.challenge.mutate({ chain: 'sol', address: wallet.address }),
    );
    return {
      status: raw.status,
      cookieShapes,
      signedIn: signedIn.signedIn,
      missingCsrf: missing.data?.reason,
      signedOut: !after.signedIn,
      foreignOrigin: foreign.data?.reason,
    };
  }

  it('sets the same cookies and enforces CSRF exactly as before', async () => {
    const ours = await cookieFlow(fast);
    expect(ours).toMatchObject({
      status: 200,
      signedIn: true,
      missingCsrf: 'csrf',
      signedOut: true,
      foreignOrigin: 'bad_origin',
    });
    expect(ours.cookieShapes).toHaveLength(2);
    expect(ours).toEqual(await cookieFlow(reference));
  });

  it('serves system.version through the real client on both', async () => {
    const [a, b] = await Promise.all(
      [fast, reference].map((s) => clientFor<AppRouter>(s.url).system.version.query()),
    );
    expect({ ...a, serverTime: '' }).toEqual({ ...b, serverTime: '' });
  });
});
