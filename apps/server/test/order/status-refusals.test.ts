import { randomUUID } from 'node:crypto';
import type { AppRouter } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor } from '../support/helpers';
import { signInSolana } from '../support/signin';
import { usAddress } from '../support/store-harness';

/** The error event a server-sent `order.status` stream ends with, as a browser's EventSource reads it. */
async function streamRefusal(url: string, headers: Record<string, string>, orderId: string) {
  const response = await fetch(
    `${url}/trpc/order.status?input=${encodeURIComponent(JSON.stringify({ orderId }))}`,
    { headers: { ...headers, accept: 'text/event-stream' } },
  );
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let text = '';
  while (!/event: serialized-error\ndata: .*\n/.test(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended without an error event: ${text}`);
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  const line = /event: serialized-error\ndata: (.*)\n/.exec(text)?.[1] ?? '{}';
  return JSON.parse(line) as { data?: { code?: string; httpStatus?: number; reason?: string } };
}

async function member(url: string) {
  const { session } = await signInSolana(url);
  return { authorization: `Bearer ${session.accessToken}` };
}

describe('order.status refusals over server-sent events', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SEED_DEMO: 'true' } });
  });
  afterAll(() => server.close());

  it('answers NOT_FOUND, as order.get does, for an order that does not exist or is another member’s', async () => {
    const owner = await member(server.url);
    const quote = await clientFor<AppRouter>(server.url, { headers: owner }).device.quote.mutate({
      items: [{ kind: 'device', variant: 'vape', colorway: 'white', quantity: 1 }],
      country: 'US',
    });
    const order = await clientFor<AppRouter>(server.url, { headers: owner }).order.checkout.mutate({
      quoteId: quote.quoteId,
      shippingAddress: usAddress,
      idempotencyKey: randomUUID(),
    });
    const stranger = await member(server.url);
    for (const [headers, orderId] of [
      [stranger, order.id],
      [owner, randomUUID()],
    ] as const) {
      const refusal = await streamRefusal(server.url, headers, orderId);
      expect(refusal.data).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404, reason: 'order_not_found' });
    }
  });
});
