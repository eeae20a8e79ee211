import { publicProcedure, router } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { variants } from '../support/user-harness';
import { type Collector, type OtlpSpan, startCollector, until } from './support/collector';

/** One call that touches the database, the key-value store (its rate limit) and the chain RPC. */
const tracedRouter = router({
  probe: publicProcedure.query(async ({ ctx }) => {
    const { db } = ctx.deps;
    const rows = await db.db.select({ id: db.t.users.id }).from(db.t.users).limit(1);
    const { blockhash } = await ctx.deps.storefront.solanaRpc.getLatestBlockhash();
    return { users: rows.length, blockhash };
  }),
});

const childrenOf = (spans: OtlpSpan[], parent: OtlpSpan) =>
  spans.filter((s) => s.parentSpanId === parent.spanId);

describe.each(variants())('traces (OTEL_EXPORTER_OTLP_ENDPOINT) on $label', (variant) => {
  let collector: Collector;
  let server: TestServer;

  beforeAll(async () => {
    collector = await startCollector();
    const database = await variant.factory.create();
    await database.db.close();
    server = await startTestServer({
      router: tracedRouter,
      env: {
        DATABASE_URL: database.url,
        MIGRATE_ON_START: 'false',
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_EXPORTER_OTLP_HEADERS: 'x-collector-token=trace-token-1',
        SOLANA_RPC_URL: `${collector.url}/rpc`,
        ...(variant.redisUrl
          ? { REDIS_URL: variant.redisUrl, REDIS_PREFIX: `test:${crypto.randomUUID()}:` }
          : {}),
      },
    });
  });
  afterAll(async () => {
    await collector?.close();
  });

  it('exports one trace for a tRPC call whose spans nest request → procedure → query, with the RPC and store calls inside', async () => {
    const response = await fetch(`${server.url}/trpc/probe`);
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    // Closing flushes the batch of spans to the collector.
    await server.close();
    await until(() => collector.spans.some((s) => s.name === 'trpc probe'), 'the procedure span');

    const request = collector.spans.find((s) => s.name === 'GET trpc:probe');
    expect(request?.parentSpanId).toBeUndefined();
    expect(request?.attributes['puffy.request_id']).toBe(requestId);
    expect(request?.attributes['http.response.status_code']).toBe(200);
    const trace = collector.spans.filter((s) => s.traceId === request?.traceId);

    const [procedure] = childrenOf(trace, request as OtlpSpan);
    expect(procedure?.name).toBe('trpc probe');
    const inside = childrenOf(trace, procedure as OtlpSpan);
    const query = inside.find((s) => s.name === 'db SELECT');
    expect(query?.attributes['db.system.name']).toBe(
      variant.factory.label.includes('pg') ? 'postgresql' : 'sqlite',
    );
    expect(String(query?.attributes['db.query.text'])).toMatch(/from "users"/i);
    const rpc = inside.find((s) => s.name === 'rpc sol');
    expect(rpc?.attributes['server.address']).toBe(`127.0.0.1:${collector.port}`);

    const redis = inside.filter((s) => s.attributes['db.system.name'] === 'redis');
    if (variant.redisUrl) expect(redis.length).toBeGreaterThan(0);
    else expect(redis).toEqual([]);
  });
});
