import { describe, expect, it } from 'vitest';
import {
  endpointUrlProblem,
  isPrivateAddress,
  MAX_RETRIES,
  publicOnlyLookup,
  retryDelaySeconds,
  signature,
  WebhookSecretError,
} from '../src';

describe('retryDelaySeconds', () => {
  it('retries 15 times, doubling from 5 s up to 6 h, about 23 hours in all', () => {
    const waits = Array.from({ length: MAX_RETRIES }, (_, i) => retryDelaySeconds(i + 1, () => 0.5));
    expect(waits.slice(0, 4)).toEqual([5, 10, 20, 40]);
    expect(waits.at(-1)).toBe(6 * 60 * 60);
    const total = waits.reduce<number>((sum, w) => sum + (w ?? 0), 0);
    expect(total / 3600).toBeGreaterThan(22);
    expect(total / 3600).toBeLessThan(25);
    expect(retryDelaySeconds(MAX_RETRIES + 1)).toBeNull();
  });

  it('spreads each wait by at most 10 %', () => {
    expect(retryDelaySeconds(10, () => 0)).toBe(Math.round(2560 * 0.9));
    expect(retryDelaySeconds(10, () => 1)).toBe(Math.round(2560 * 1.1));
    expect(() => retryDelaySeconds(0)).toThrow(RangeError);
  });
});

describe('endpointUrlProblem', () => {
  const production = { allowLocal: false };
  it('accepts a public https address and explains every refusal in words', () => {
    expect(endpointUrlProblem('https://hooks.partner.example/puffy', production)).toBeNull();
    expect(endpointUrlProblem('not a url', production)).toBe('This is not a web address.');
    expect(endpointUrlProblem('http://hooks.partner.example', production)).toBe('Use an https:// address.');
    expect(endpointUrlProblem('https://user:pw@hooks.partner.example', production)).toMatch(
      /user name or password/,
    );
    for (const inside of [
      'https://localhost/x',
      'https://10.1.2.3/x',
      'https://169.254.169.254/latest',
      'https://[::1]/x',
      'https://[fd00::1]/x',
    ]) {
      expect(endpointUrlProblem(inside, production)).toMatch(/private network/);
    }
    expect(endpointUrlProblem('http://127.0.0.1:8080/x', { allowLocal: true })).toBeNull();
  });

  it('knows private and public addresses, IPv4 mapped into IPv6 included', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.20.1.1',
      '192.168.1.1',
      '100.64.0.1',
      '::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(a)).toBe(true);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '2606:4700::1111']) expect(isPrivateAddress(a)).toBe(false);
  });
});

describe('signature', () => {
  it('refuses a secret that is not whsec_ and 24 to 64 bytes', () => {
    expect(() => signature('plain', 'id', 1, '{}')).toThrow(WebhookSecretError);
    expect(() => signature(`whsec_${Buffer.alloc(8).toString('base64')}`, 'id', 1, '{}')).toThrow(
      WebhookSecretError,
    );
  });
});

describe('publicOnlyLookup', () => {
  it('refuses a host name that resolves to this machine, at connect time', async () => {
    const code = await new Promise<string | undefined>((done) =>
      publicOnlyLookup('localhost', {}, (error) => done(error?.code)),
    );
    expect(code).toBe('EPRIVATEADDRESS');
  });
});
