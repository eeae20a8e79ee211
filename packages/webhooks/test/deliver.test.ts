import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOnce, newWebhookSecret, type WebhookMessage } from '../src';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A partner's receiver on this machine: it records each request and answers as the test says. */
function receiver(
  answer: (req: Received) => { status: number; body?: string; hang?: boolean; location?: string },
) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const got = { headers: req.headers, body };
      received.push(got);
      const a = answer(got);
      if (a.hang) return;
      res.writeHead(a.status, a.location ? { location: a.location } : {});
      res.end(a.body ?? '');
    });
  });
  return {
    received,
    start: () =>
      new Promise<string>((done) =>
        server.listen(0, '127.0.0.1', () =>
          done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

const message = (id = 'msg_01J9Z3'): WebhookMessage => ({
  id,
  type: 'order.paid',
  occurredAt: new Date('2026-12-07T12:00:00Z'),
  data: { orderId: 'ord-1', amount: '19.90', currency: 'USDT' },
});
const local = { allowLocal: true };

describe('deliverOnce', () => {
  const secret = newWebhookSecret();
  const ok = receiver(() => ({ status: 204 }));
  let okUrl = '';
  beforeAll(async () => {
    okUrl = await ok.start();
  });
  afterAll(() => ok.stop());

  it('signs so that the Standard Webhooks library verifies it, and sends the event as JSON', async () => {
    const outcome = await deliverOnce({ url: `${okUrl}/hooks`, secrets: [secret] }, message(), local);
    expect(outcome).toMatchObject({ ok: true, status: 204, error: null });
    const got = ok.received.at(-1);
    if (!got) throw new Error('nothing arrived');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['webhook-id']).toBe('msg_01J9Z3');
    const verified = new Webhook(secret).verify(got.body, got.headers as Record<string, string>);
    expect(verified).toEqual({
      type: 'order.paid',
      timestamp: '2026-12-07T12:00:00.000Z',
      data: { orderId: 'ord-1', amount: '19.90', currency: 'USDT' },
    });
    expect(outcome.body).toBe(got.body);
  });

  it('is refused by the library when the body was changed or the secret is another', async () => {
    await deliverOnce({ url: okUrl, secrets: [secret] }, message('msg_tamper'), local);
    const got = ok.received.at(-1);
    if (!got) throw new Error('nothing arrived');
    const headers = got.headers as Record<string, string>;
    expect(() => new Webhook(secret).verify(got.body.replace('19.90', '0.01'), headers)).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(got.body, headers)).toThrow();
  });

  it('signs with the old and the new secret during a rotation, so either receiver verifies', async () => {
    const next = newWebhookSecret();
    await deliverOnce({ url: okUrl, secrets: [next, secret] }, message('msg_rotate'), local);
    const got = ok.received.at(-1);
    if (!got) throw new Error('nothing arrived');
    const headers = got.headers as Record<string, string>;
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(() => new Webhook(secret).verify(got.body, headers)).not.toThrow();
    expect(() => new Webhook(next).verify(got.body, headers)).not.toThrow();
  });

  it('reports a refusal with its status and the start of the answer, and never follows a redirect', async () => {
    const failing = receiver((req) =>
      req.headers['webhook-id'] === 'msg_redirect'
        ? { status: 302, location: `${okUrl}/elsewhere` }
        : { status: 503, body: 'busy '.repeat(400) },
    );
    const url = await failing.start();
    try {
      const refused = await deliverOnce({ url, secrets: [secret] }, message(), local);
      expect(refused).toMatchObject({ ok: false, status: 503, error: 'The endpoint answered 503.' });
      expect(refused.responseExcerpt).toHaveLength(1024);
      const before = ok.received.length;
      const redirected = await deliverOnce({ url, secrets: [secret] }, message('msg_redirect'), local);
      expect(redirected.ok).toBe(false);
      expect(redirected.error).toMatch(/redirect \(302\)/);
      expect(ok.received.length).toBe(before);
    } finally {
      await failing.stop();
    }
  });

  it('gives up on a receiver that does not answer in time, and says so', async () => {
    const silent = receiver(() => ({ status: 200, hang: true }));
    const url = await silent.start();
    try {
      const outcome = await deliverOnce({ url, secrets: [secret] }, message(), { ...local, timeoutMs: 300 });
      expect(outcome).toMatchObject({ ok: false, status: null, error: 'No answer within 0.3 s.' });
    } finally {
      await silent.stop();
    }
  });

  it('outside development, sends nothing to a private address, however the name resolves', async () => {
    const before = ok.received.length;
    const byAddress = await deliverOnce({ url: okUrl, secrets: [secret] }, message(), { allowLocal: false });
    expect(byAddress.error).toBe('Use an https:// address.');
    const https = okUrl.replace('http://127.0.0.1', 'https://127.0.0.1');
    expect(
      (await deliverOnce({ url: https, secrets: [secret] }, message(), { allowLocal: false })).error,
    ).toMatch(/private network/);
    // A public-looking name that resolves to loopback: refused at connect time.
    const byName = await deliverOnce(
      { url: https.replace('127.0.0.1', 'localtest.me'), secrets: [secret] },
      message(),
      { allowLocal: false },
    );
    expect(byName.ok).toBe(false);
    expect(byName.error).toMatch(/private network|does not resolve/);
    expect(ok.received.length).toBe(before);
  });
});
