import { connect } from 'node:net';
import { publicProcedure, router } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../../src/testing';

/**
 * Two requests on one connection, the first refused before its body has fully arrived. The server
 * must either answer the second one or say `Connection: close` on the first: never promise keep-alive
 * and then drop the connection (nginx would answer the second request, another member's, with 502).
 */
const pipeRouter = router({
  ask: publicProcedure.input(z.object({ q: z.string() })).query(({ input }) => input.q),
  save: publicProcedure.input(z.object({ q: z.string() })).mutation(({ input }) => input.q),
  ticks: publicProcedure.subscription(async function* () {
    yield 1;
  }),
});

const LIMIT = 2048;
/** Longer than the half second Hono's listener waits for a leftover body before it drops the socket. */
const SLOW_CLIENT_PAUSE_MS = 800;

interface Refusal {
  name: string;
  head: string;
  body: string;
}

const post = (path: string, contentType: string, body: string): Refusal => ({
  name: '',
  head: `POST ${path} HTTP/1.1\r\nHost: test\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
  body,
});

const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;

const refusals: Array<[string, Refusal]> = [
  ['a body over the limit (413)', post('/trpc/save', 'application/json', `{"q":"${'x'.repeat(LIMIT * 2)}"}`)],
  [
    'a chunked body over the limit (413)',
    {
      name: '',
      head: 'POST /trpc/save HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      body: `${chunk(`{"q":"${'x'.repeat(LIMIT * 2)}"}`)}0\r\n\r\n`,
    },
  ],
  ['an unsupported content type (415)', post('/trpc/save', 'text/plain', '{"q":"plain text"}')],
  ['a POST to a query (405)', post('/trpc/ask', 'application/json', '{"q":"a query"}')],
  [
    'a POST to a subscription (an event stream that says keep-alive)',
    post('/trpc/ticks', 'application/json', '{"q":"a subscription"}'),
  ],
  ['a POST to an unknown procedure (404)', post('/trpc/nope.nothing', 'application/json', '{"q":"nobody"}')],
  ['a POST to an unknown path (404)', post('/nothing/here', 'application/json', '{"q":"nowhere"}')],
];

const SECOND = 'GET /health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n';

/**
 * Sends the first request without the last byte of its body and pauses like a slow client (the server
 * may answer meanwhile, or wait for the body), then sends that byte and the second request on the same
 * connection. Returns the head of the first answer and the status of every answer that came back.
 */
function pipelined(port: number, first: Refusal): Promise<{ firstHead: string; statuses: string[] }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
    });
    // A server that closed may reset the connection while the rest is written: not a failure here.
    socket.on('error', () => {});
    socket.on('close', () => {
      const firstHead = received.slice(0, received.indexOf('\r\n\r\n'));
      // Not anchored to a line: a pipelined answer starts right after the previous body.
      const statuses = [...received.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => m[1] ?? '');
      resolve({ firstHead, statuses });
    });
    socket.write(first.head + first.body.slice(0, -1));
    setTimeout(() => {
      if (!socket.destroyed) socket.write(first.body.slice(-1) + SECOND, () => {});
    }, SLOW_CLIENT_PAUSE_MS);
  });
}

describe.each([
  ['the fast handler', 'true'],
  ['the stock handler', 'false'],
])('a refused request on a kept-alive connection, on %s', (_name, fastPath) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      router: pipeRouter,
      env: { BODY_LIMIT_BYTES: String(LIMIT), TRPC_FAST_PATH: fastPath },
    });
  });
  afterAll(() => server.close());

  it.each(refusals)(
    '%s: the next request is answered, or the refusal said Connection: close',
    async (_kind, first) => {
      const { firstHead, statuses } = await pipelined(server.port, first);
      expect(statuses.length).toBeGreaterThan(0);
      const closes = /^connection: close$/im.test(firstHead);
      expect({ closes, answered: statuses.length }).toEqual(
        closes ? { closes, answered: 1 } : { closes, answered: 2 },
      );
    },
  );
});
