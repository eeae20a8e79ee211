import { generateKeyPairSync, sign } from 'node:crypto';
import bs58 from 'bs58';
import { againstBare, CONNECTIONS, rowAgainstBare, TRIVIAL_PATH } from './against-bare';
import { startBareHono } from './bare-baseline';
import { freshClientAddress, type LoadRequest } from './http';
import { benchServerEnv } from './limits';
import { type BenchProcess, startServerProcess } from './server-process';
import type { Measure, Row } from './table';

/*
 * Throughput of our server against a bare Hono app in its own process answering the trivial query's
 * bytes (issue 20's targets): the trivial query, the public cacheable reads on the demo data, and a
 * signed-in read with a cookie session, each under 50 connections with a new client address per
 * request. The dry run on a million-holder snapshot is in eligibility.ts against the same baseline.
 */

const query = (path: string, input?: unknown) =>
  input === undefined ? `/trpc/${path}` : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

async function trpc<T>(
  url: string,
  path: string,
  init: RequestInit = {},
): Promise<{ data: T; response: Response }> {
  const response = await fetch(`${url}${path}`, init);
  const body = (await response.json()) as { result?: { data?: T } };
  if (!response.ok || body.result?.data === undefined) throw new Error(`${path} answered ${response.status}`);
  return { data: body.result.data, response };
}

/** A member signed in with a fresh Solana key, the session delivered as cookies as to a browser. */
async function cookieSession(url: string): Promise<string> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const address = bs58.encode(Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url'));
  const post = (input: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': freshClientAddress() },
    body: JSON.stringify(input),
  });
  const { data: challenge } = await trpc<{ challengeId: string; message: string }>(
    url,
    '/trpc/auth.challenge',
    post({ chain: 'sol', address }),
  );
  const signature = bs58.encode(sign(null, Buffer.from(challenge.message, 'utf8'), privateKey));
  const { response } = await trpc(
    url,
    '/trpc/auth.verify',
    post({
      challengeId: challenge.challengeId,
      proof: { chain: 'sol', address, signature },
      delivery: 'cookie',
    }),
  );
  const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '');
  if (cookies.length === 0) throw new Error('auth.verify set no cookie');
  return cookies.join('; ');
}

export interface Target {
  name: string;
  request: () => LoadRequest;
  target: { ratio?: number };
}

export async function targets(server: BenchProcess): Promise<Target[]> {
  const { data: listed } = await trpc<{ items: { id: number; slug: string }[] }>(
    server.url,
    query('campaign.list', { limit: 20 }),
    { headers: { 'x-forwarded-for': freshClientAddress() } },
  );
  const campaign = listed.items[0];
  if (!campaign) throw new Error('the demo data has no campaign');
  const cookie = await cookieSession(server.url);
  const get =
    (path: string, extra: Record<string, string> = {}) =>
    () => ({
      path,
      headers: { 'x-forwarded-for': freshClientAddress(), ...extra },
    });
  return [
    { name: 'trivial tRPC query (system.version)', request: get(TRIVIAL_PATH), target: { ratio: 0.5 } },
    {
      name: 'campaign.list (demo data)',
      request: get(query('campaign.list', { limit: 20 })),
      target: { ratio: 0.35 },
    },
    {
      name: 'campaign.get (demo data)',
      request: get(query('campaign.get', { slug: campaign.slug })),
      target: { ratio: 0.35 },
    },
    { name: 'store.catalog (demo data)', request: get(query('store.catalog')), target: { ratio: 0.35 } },
    {
      name: 'signed-in user.info, cookie session',
      request: get(query('user.info'), { cookie }),
      target: { ratio: 0.25 },
    },
    // Not a target: how far our own middleware chain is from bare, named for what it is.
    { name: '/health through the middleware chain (reference)', request: get('/health'), target: {} },
  ];
}

/** Our server on the demo data, with the crowd settings and lifted limits of limits.ts. */
export const startDemoServer = (options: { profileDir?: string } = {}) =>
  startServerProcess({ ...benchServerEnv, SEED_DEMO: 'true' }, options);

export const throughputMeasure: Measure = {
  name: 'throughput',
  async run({ short }) {
    const server = await startDemoServer();
    let bare: BenchProcess | undefined;
    try {
      bare = await startBareHono(server.url, { path: TRIVIAL_PATH });
      const rows: Row[] = [
        {
          measure: `throughput against bare Hono (${CONNECTIONS} connections, a new client address per request)`,
          value: '',
          baseline: '',
          ratio: '',
          target: '',
          pass: null,
        },
      ];
      for (const t of await targets(server)) {
        // Every request answers 2xx before it is measured: a broken measure must fail loudly, not count refusals.
        const probe = t.request();
        const answer = await fetch(`${server.url}${probe.path}`, { headers: probe.headers });
        if (!answer.ok) throw new Error(`${t.name} answered ${answer.status}: ${await answer.text()}`);
        process.stderr.write(`bench: throughput: ${t.name}…\n`);
        const compared = await againstBare(bare.url, server.url, t.request, short);
        rows.push(rowAgainstBare(`  ${t.name}`, compared, t.target));
      }
      return rows;
    } finally {
      await bare?.stop();
      await server.stop();
    }
  },
};
