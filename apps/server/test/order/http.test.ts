import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor } from '../support/helpers';
import { signInSolana } from '../support/signin';
import { usAddress } from '../support/store-harness';

/** Opens `order.status` as a browser's EventSource would, and reads its text as it arrives. */
async function openStatusStream(url: string, headers: Record<string, string>, orderId: string) {
  const controller = new AbortController();
  const response = await fetch(
    `${url}/trpc/order.status?input=${encodeURIComponent(JSON.stringify({ orderId }))}`,
    {
      headers: { ...headers, accept: 'text/event-stream' },
      signal: controller.signal,
    },
  );
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let text = '';
  return {
    async readUntil(pattern: RegExp) {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}`);
        text += decoder.decode(value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}

async function placeOrder(url: string) {
  const { session } = await signInSolana(url);
  const headers = { authorization: `Bearer ${session.accessToken}` };
  const api = clientFor<AppRouter>(url, { headers });
  const quote = await api.device.quote.mutate({
    items: [{ kind: 'device', variant: 'vape', colorway: 'white', quantity: 1 }],
    country: 'US',
  });
  const order = await api.order.checkout.mutate({
    quoteId: quote.quoteId,
    shippingAddress: usAddress,
    idempotencyKey: randomUUID(),
  });
  return { headers, order };
}

describe('storefront over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SEED_DEMO: 'true' } });
  });
  afterAll(() => server.close());

  it('serves the public catalog with an ETag and a public cache lifetime, and 304 when it has not changed', async () => {
    const response = await fetch(`${server.url}/trpc/store.catalog`);
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^(W\/)?"[\w-]+"$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, must-revalidate');
    const body = (await response.json()) as { result: { data: { products: Array<{ price: string }> } } };
    expect(body.result.data.products.map((p) => p.price)).toEqual(['99.00', '99.00', '9.99']);
    const again = await fetch(`${server.url}/trpc/store.catalog`, {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // A campaign page is public too; a batch that carries the member's session never is.
    const list = await fetch(`${server.url}/trpc/campaign.list?input=${encodeURIComponent('{}')}`);
    expect(list.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=10, must-revalidate');
    const batch = await fetch(`${server.url}/trpc/auth.session,store.catalog?batch=1&input={}`);
    expect(batch.status).toBe(200);
    expect(batch.headers.get('cache-control')).toBeNull();
    expect(batch.headers.get('etag')).toBeNull();
  });

  it('streams an order status over server-sent events', async () => {
    const { headers, order } = await placeOrder(server.url);
    const api = clientFor<AppRouter>(server.url, { headers });
    const stream = await openStatusStream(server.url, headers, order.id);
    await stream.readUntil(/"status":"new"/);
    await api.order.cancel.mutate({ orderId: order.id });
    await stream.readUntil(/"status":"cancelled"/);
    stream.close();
    // The recorded history, for the order page's timeline after a reload; only the owner may read it.
    const history = await api.order.history.query({ orderId: order.id });
    expect(history.events.map((e) => e.status)).toEqual(['new', 'cancelled']);
    const stranger = await placeOrder(server.url);
    const refused = await clientFor<AppRouter>(server.url, { headers: stranger.headers })
      .order.history.query({ orderId: order.id })
      .catch((error: { data?: { code?: string } }) => error.data?.code);
    expect(refused).toBe('NOT_FOUND');
  });
});

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!redisUrl)('order status across two instances sharing Redis [redis]', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const env = {
      REDIS_URL: redisUrl ?? '',
      REDIS_PREFIX: `test-${randomUUID()}:`,
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'puffy-store-shared-')), 'shared.sqlite')}`,
      SEED_DEMO: 'true',
      TRUST_PROXY: 'true',
    };
    a = await startTestServer({ env });
    b = await startTestServer({ env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('streams on one instance a change made through the other', async () => {
    const { headers, order } = await placeOrder(a.url);
    const stream = await openStatusStream(b.url, headers, order.id);
    await stream.readUntil(/"status":"new"/);
    await clientFor<AppRouter>(a.url, { headers }).order.cancel.mutate({ orderId: order.id });
    await stream.readUntil(/"status":"cancelled"/);
    stream.close();
  });
});
