import bs58 from 'bs58';
import { clientAddress, type LoadRequest, measureLoad } from './http';
import { benchServerEnv } from './limits';
import { startServerProcess } from './server-process';
import { fmt, type Measure, type Row } from './table';

const connections = 50;
const READ_P95_MS = 50;
const WRITE_P95_MS = 100;
const CLIENT_ADDRESSES = 30_000;

const query = (path: string, input?: unknown) =>
  input === undefined ? `/trpc/${path}` : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

interface Endpoint {
  name: string;
  kind: 'read' | 'write';
  request: (i: number) => LoadRequest;
}

function endpoints(campaignId: number, slug: string): Endpoint[] {
  const read = (name: string, input?: unknown): Endpoint => ({
    name,
    kind: 'read',
    request: () => ({ path: query(name, input) }),
  });
  const wallet = () => ({ chain: 'sol', address: bs58.encode(crypto.getRandomValues(new Uint8Array(32))) });
  return [
    read('system.version'),
    read('campaign.list', { limit: 20 }),
    read('campaign.get', { slug }),
    read('campaign.promotions', { campaignId }),
    read('activity.list', { campaignId }),
    read('campaign.leaderboard', { campaignId, limit: 100 }),
    read('store.catalog'),
    {
      name: 'campaign.checkEligibleDryRun',
      kind: 'read',
      request: () => ({ path: query('campaign.checkEligibleDryRun', { campaignId, wallet: wallet() }) }),
    },
    {
      name: 'eligibility.first',
      kind: 'read',
      request: () => ({ path: query('eligibility.first', { wallet: wallet(), campaignIds: [campaignId] }) }),
    },
    {
      name: 'analytics.track (database insert)',
      kind: 'write',
      request: () => ({
        method: 'POST',
        path: '/trpc/analytics.track',
        body: JSON.stringify({
          events: [
            {
              id: crypto.randomUUID(),
              name: 'visit',
              campaignId,
              sessionId: 'benchsession',
              occurredAt: new Date().toISOString(),
              properties: {},
            },
          ],
        }),
      }),
    },
  ];
}

/**
 * p95 of every public read (and of a public database write) under 50 connections, each procedure on
 * its own, against the demo data, every request from a different client address so the per-IP
 * limits of the strict procedures measure serving, not refusing. The baseline is the trivial query's
 * p95 from the same run.
 */
export const apiLatencyMeasure: Measure = {
  name: 'api-latency',
  async run({ short }) {
    const server = await startServerProcess({
      ...benchServerEnv,
      SEED_DEMO: 'true',
    });
    try {
      const listed = await fetch(`${server.url}${query('campaign.list', { limit: 1 })}`);
      const body = (await listed.json()) as {
        result?: { data?: { items?: { id: number; slug: string }[] } };
      };
      const campaign = body.result?.data?.items?.[0];
      if (!campaign) throw new Error('the demo data has no campaign');
      const rows: Row[] = [];
      let baselineP95 = 0;
      // --short proves the harness on one read, the dry run and the write (CI's minute).
      const inShort = new Set([
        'system.version',
        'campaign.checkEligibleDryRun',
        'analytics.track (database insert)',
      ]);
      const chosen = endpoints(campaign.id, campaign.slug).filter((e) => !short || inShort.has(e.name));
      for (const endpoint of chosen) {
        const from = (i: number) => ({ 'x-forwarded-for': clientAddress(i % CLIENT_ADDRESSES) });
        const next = (i: number): LoadRequest => {
          const built = endpoint.request(i);
          return { ...built, headers: { ...from(i), ...built.headers } };
        };
        const probe = next(0);
        const answer = await fetch(`${server.url}${probe.path}`, {
          method: probe.method ?? 'GET',
          body: probe.body,
          headers: { 'content-type': 'application/json', ...probe.headers },
        });
        if (!answer.ok) throw new Error(`${endpoint.name} answered ${answer.status}: ${await answer.text()}`);
        // A second of the same load first: the first endpoint measured would otherwise carry the
        // server's JIT warm-up in its p95 and set a baseline no later endpoint is compared fairly to.
        if (!short) await measureLoad(server.url, next, { connections, seconds: 1 });
        const result = await measureLoad(server.url, next, { connections, seconds: short ? 1 : 4 });
        if (endpoint.name === 'system.version') baselineP95 = result.p95;
        const target = endpoint.kind === 'read' ? READ_P95_MS : WRITE_P95_MS;
        const failures = result.errors + result.non2xx;
        rows.push({
          measure: `  p95 ${endpoint.kind}: ${endpoint.name}`,
          value: `p95 ${result.p95.toFixed(1)} ms, ${fmt(result.requestsPerSecond)} req/s, failures ${failures}`,
          baseline: `trivial query p95 ${baselineP95.toFixed(1)} ms`,
          ratio: `${(result.p95 / baselineP95).toFixed(1)}×`,
          target: `< ${target} ms`,
          pass: result.p95 < target && failures === 0,
        });
      }
      return [
        {
          measure: `API latency under ${connections} connections (demo data, SQLite)`,
          value: '',
          baseline: '',
          ratio: '',
          target: '',
          pass: null,
        },
        ...rows,
      ];
    } finally {
      await server.stop();
    }
  },
};
