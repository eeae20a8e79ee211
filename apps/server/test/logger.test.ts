import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from '../src/logger';

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
