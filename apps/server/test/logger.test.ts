import { Writable } from 'node:stream';
import { publicProcedure, router } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestLogUrl } from '../src/http/request-log';
import { createLogger, redactUrl } from '../src/logger';
import { startTestServer, type TestServer } from '../src/testing';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'info' }, sink), text: () => lines.join('') };
}

describe('log redaction', () => {
  it('censors tokens, cookies, the Authorization and CSRF headers, and every code, at any logged depth', () => {
    const { logger, text } = capture();
    const secrets = {
      authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.secret-jwt',
      cookie: 'puffy_at=cookie-secret',
      'x-csrf-token': 'csrf-secret',
      token: 'link-token-secret',
      code: '493817',
      passCode: 'PASS-SECRET-1',
      refreshToken: 'refresh-secret',
      signature: 'sig-secret',
    };
    logger.info({ req: { headers: secrets } }, 'nested two deep');
    logger.info({ ...secrets }, 'top level');
    logger.info({ a: { b: { ...secrets } } }, 'three deep');
    logger.info({ res: { headers: { 'set-cookie': 'puffy_rt=rotating-secret' } } }, 'response');
    const out = text();
    for (const value of [...Object.values(secrets), 'rotating-secret']) {
      expect(out, value).not.toContain(value);
    }
    expect(out.match(/\[Redacted\]/g)?.length).toBeGreaterThanOrEqual(25);
    expect(out).toContain('nested two deep');
  });

  it('censors codes and tokens in URLs', () => {
    expect(redactUrl('/auth/verify-email?token=abc&x=1')).toBe('/auth/verify-email?token=[Redacted]&x=1');
    expect(redactUrl('/auth/oauth-callback?code=c0de&state=st4te')).toBe(
      '/auth/oauth-callback?code=[Redacted]&state=[Redacted]',
    );
    expect(redactUrl('/campaigns?chain=sol')).toBe('/campaigns?chain=sol');
  });
});

const loggingRouter = router({
  referral: router({ dryRun: publicProcedure.input(z.object({ code: z.string() })).query(() => 'ok') }),
  user: router({ find: publicProcedure.input(z.object({ q: z.string() })).query(() => 'ok') }),
  campaign: router({
    list: publicProcedure
      .meta({ publicCacheSeconds: 30 })
      .input(z.object({ page: z.number() }))
      .query(() => 'ok'),
  }),
});
const inputOf = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe('the input of GET calls in request log lines', () => {
  it('is censored unless every procedure called declared itself public', () => {
    const secret = inputOf({ code: 'PUFFY-REF-SECRET' });
    expect(requestLogUrl(`/trpc/referral.dryRun?input=${secret}`, loggingRouter)).toBe(
      '/trpc/referral.dryRun?input=[Redacted]',
    );
    expect(
      requestLogUrl(
        `/trpc/campaign.list,user.find?batch=1&input=${inputOf({ 1: { q: 'a@b.c' } })}`,
        loggingRouter,
      ),
    ).toBe('/trpc/campaign.list,user.find?batch=1&input=[Redacted]');
    expect(requestLogUrl(`/trpc/nope?input=${secret}`, loggingRouter)).toBe('/trpc/nope?input=[Redacted]');
    expect(requestLogUrl(`/trpc/%E0%A4%A?input=${secret}`, loggingRouter)).toBe(
      '/trpc/%E0%A4%A?input=[Redacted]',
    );
    const page = `/trpc/campaign.list?input=${inputOf({ page: 2 })}`;
    expect(requestLogUrl(page, loggingRouter)).toBe(page);
    expect(requestLogUrl('/auth/verify-email?token=abc', loggingRouter)).toBe(
      '/auth/verify-email?token=[Redacted]',
    );
  });

  describe.each([
    ['the fast handler', 'true'],
    ['the stock handler', 'false'],
  ])('on %s', (_name, fastPath) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ router: loggingRouter, env: { TRPC_FAST_PATH: fastPath } });
    });
    afterAll(() => server.close());

    it('never writes a referral code sent to a dry run into the log', async () => {
      const code = `REF-${crypto.randomUUID()}`;
      const response = await fetch(`${server.url}/trpc/referral.dryRun?input=${inputOf({ code })}`);
      expect(response.status).toBe(200);
      const line = server.logs.find((l) => l.msg === 'request' && String(l.url).startsWith('/trpc/referral'));
      expect(line?.url).toBe('/trpc/referral.dryRun?input=[Redacted]');
      expect(JSON.stringify(server.logs)).not.toContain(code);
      await fetch(`${server.url}/trpc/campaign.list?input=${inputOf({ page: 7 })}`);
      expect(server.logs.some((l) => l.url === `/trpc/campaign.list?input=${inputOf({ page: 7 })}`)).toBe(
        true,
      );
    });
  });
});
