import { publicProcedure, router } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardedClient } from '../../src/http/client-ip';
import { startTestServer, type TestServer } from '../../src/testing';

describe('the client address in X-Forwarded-For', () => {
  it('is the entry our one proxy appended, whatever the client put in front', () => {
    expect(forwardedClient('203.0.113.9', 1)).toBe('203.0.113.9');
    expect(forwardedClient('6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(forwardedClient('1.1.1.1,2.2.2.2 , 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(forwardedClient('not-an-ip, , 203.0.113.9', 1)).toBe('203.0.113.9');
  });

  it('counts the configured number of trusted hops from the right', () => {
    // client → CDN → nginx → us: nginx appended the CDN's address, the CDN the client's.
    expect(forwardedClient('6.6.6.6, 203.0.113.9, 198.51.100.7', 2)).toBe('203.0.113.9');
    expect(forwardedClient('203.0.113.9, 198.51.100.7', 2)).toBe('203.0.113.9');
    expect(forwardedClient('203.0.113.9', 2)).toBe('203.0.113.9');
    expect(forwardedClient(undefined, 1)).toBeUndefined();
    expect(forwardedClient(' , ', 1)).toBeUndefined();
  });
});

const ipRouter = router({ whoami: publicProcedure.query(({ ctx }) => ctx.req.ip) });

describe.each([
  ['the fast handler', 'true'],
  ['the stock handler', 'false'],
])('the address procedures see behind a proxy, on %s', (_name, fastPath) => {
  let oneHop: TestServer;
  let twoHops: TestServer;
  let untrusted: TestServer;
  beforeAll(async () => {
    [oneHop, twoHops, untrusted] = await Promise.all([
      startTestServer({ router: ipRouter, env: { TRUST_PROXY: 'true', TRPC_FAST_PATH: fastPath } }),
      startTestServer({
        router: ipRouter,
        env: { TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '2', TRPC_FAST_PATH: fastPath },
      }),
      startTestServer({ router: ipRouter, env: { TRPC_FAST_PATH: fastPath } }),
    ]);
  });
  afterAll(() => Promise.all([oneHop.close(), twoHops.close(), untrusted.close()]));

  async function seenBy(server: TestServer, forwardedFor: string): Promise<string> {
    const response = await fetch(`${server.url}/trpc/whoami`, {
      headers: { 'x-forwarded-for': forwardedFor },
    });
    return ((await response.json()) as { result: { data: string } }).result.data;
  }

  it('ignores what the client wrote in front of the proxy', async () => {
    expect(await seenBy(oneHop, '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(await seenBy(twoHops, '6.6.6.6, 203.0.113.9, 198.51.100.7')).toBe('203.0.113.9');
  });

  it('ignores X-Forwarded-For entirely without TRUST_PROXY', async () => {
    expect(await seenBy(untrusted, '203.0.113.9')).toBe('127.0.0.1');
  });
});
