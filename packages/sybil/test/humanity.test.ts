import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HumanityUnavailable, humanityVerifier } from '../src';

const KEY = 'test-passport-key';

/** A stand-in that answers as the Stamps API v2 does, per address. */
function passportStandIn() {
  const requests: Array<{ url: string; key: string | undefined }> = [];
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', key: req.headers['x-api-key'] as string | undefined });
    if (req.headers['x-api-key'] !== KEY) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"detail":"Unauthorized"}');
      return;
    }
    const address = decodeURIComponent((req.url ?? '').split('/').at(-1) ?? '');
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    if (address === '0xslow') return answer(429, { detail: 'Rate limit exceeded' }, { 'retry-after': '42' });
    if (address === '0xbroken') return res.writeHead(502).end('<html>bad gateway</html>');
    if (address === '0xerror')
      return answer(200, { address, score: null, passing_score: false, error: 'Invalid address' });
    const human = address === '0x2c1e111d7c3adc823b5fa3af3f07eb62831c3c5';
    return answer(200, {
      address,
      score: human ? '33.538' : '2.100',
      passing_score: human,
      last_score_timestamp: '2026-11-30T10:00:00.000Z',
      expiration_timestamp: '2027-02-28T10:00:00.000Z',
      threshold: '20.00000',
      error: null,
      stamps: { Github: { score: '2.0', dedup: false, expiration_date: '2027-02-28T10:00:00.000Z' } },
    });
  });
  return {
    requests,
    start: () =>
      new Promise<string>((done) =>
        server.listen(0, '127.0.0.1', () =>
          done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

describe('humanityVerifier (Stamps API v2 shape)', () => {
  const standIn = passportStandIn();
  let baseUrl = '';
  beforeAll(async () => {
    baseUrl = await standIn.start();
  });
  afterAll(() => standIn.stop());

  it('reads the score, whether it passes, and when it expires, sending the key and scorer as the API wants', async () => {
    const verifier = humanityVerifier({ baseUrl, apiKey: KEY, scorerId: '100' });
    expect(await verifier.scoreOf('0x2c1e111d7c3adc823b5fa3af3f07eb62831c3c5')).toEqual({
      score: 33.538,
      passing: true,
      expiresAt: new Date('2027-02-28T10:00:00.000Z'),
    });
    expect(standIn.requests.at(-1)).toEqual({
      url: '/v2/stamps/100/score/0x2c1e111d7c3adc823b5fa3af3f07eb62831c3c5',
      key: KEY,
    });
    expect((await verifier.scoreOf('0x1111111111111111111111111111111111111111')).passing).toBe(false);
  });

  it('names each failure: a refused key, a rate limit with its wait, a broken answer, a verifier error', async () => {
    const failure = async (address: string, apiKey = KEY) =>
      humanityVerifier({ baseUrl, apiKey, scorerId: '100' })
        .scoreOf(address)
        .then(
          () => null,
          (error: unknown) => error as HumanityUnavailable,
        );
    expect((await failure('0xabc', 'wrong'))?.reason).toBe('unauthorized');
    const slow = await failure('0xslow');
    expect([slow?.reason, slow?.retryAfterSeconds]).toEqual(['rate-limited', 42]);
    expect((await failure('0xbroken'))?.reason).toBe('unavailable');
    const error = await failure('0xerror');
    expect([error?.reason, error?.message]).toEqual([
      'verifier-error',
      'The humanity verifier could not score this wallet: Invalid address',
    ]);
    const down = await humanityVerifier({ baseUrl: 'http://127.0.0.1:9', apiKey: KEY, scorerId: '1' })
      .scoreOf('0xabc')
      .catch((e: HumanityUnavailable) => e);
    expect(down).toBeInstanceOf(HumanityUnavailable);
    expect((down as HumanityUnavailable).reason).toBe('unavailable');
  });
});
