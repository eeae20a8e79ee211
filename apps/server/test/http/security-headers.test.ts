import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import {
  contentSecurityPolicy,
  SecurityHeaderSet,
  securityHeaderOptions,
  TON_CONNECT_UI_ASSETS,
} from '../../src/http/security-headers';
import { startTestServer } from '../../src/testing';

/** The sources of one directive, e.g. `img-src`. */
function directive(csp: string, name: string): string[] {
  const found = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name);
  return found?.slice(1) ?? [];
}

const base = { mediaHosts: [] as string[], tonConnectUi: false };
const config = (env: Record<string, string> = {}) =>
  loadConfig({ JWT_SIGNING_KEYS: 'k:x', APP_SECRET: 'x', NODE_ENV: 'test', ...env });

describe('the precomputed header set', () => {
  const csp = (set: SecurityHeaderSet) =>
    set.headers.find(([name]) => name === 'Content-Security-Policy')?.[1] ?? '';

  it('keeps MEDIA_HOSTS whatever the stored list says, each host once, and rebuilds only on a change', () => {
    const set = new SecurityHeaderSet({ production: false, mediaHosts: ['static.example.org'] });
    const first = set.headers;
    expect(set.headers).toBe(first);
    set.setStoredMediaHosts(['cdn.example.com', 'static.example.org']);
    expect(directive(csp(set), 'media-src')).toEqual([
      "'self'",
      'https://static.example.org',
      'https://cdn.example.com',
    ]);
    set.setStoredMediaHosts([]);
    expect(directive(csp(set), 'img-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://static.example.org',
    ]);
    expect(set.headers).not.toBe(first);
  });
});

describe('content security policy', () => {
  it('is strict without TON Connect: same-origin everything, images and media from the allowed hosts only', () => {
    const csp = contentSecurityPolicy({
      production: true,
      mediaHosts: ['cdn.example.com'],
      tonConnect: false,
    });
    expect(directive(csp, 'style-src')).toEqual(["'self'"]);
    expect(directive(csp, 'script-src-attr')).toEqual([]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'"]);
    expect(directive(csp, 'img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://cdn.example.com']);
    expect(directive(csp, 'media-src')).toEqual(["'self'", 'https://cdn.example.com']);
  });

  it('with TON Connect allows its styles, its badge folder and the configured bridges, never any https host', () => {
    const csp = contentSecurityPolicy({
      production: true,
      mediaHosts: ['cdn.example.com'],
      tonConnect: true,
      tonBridges: ['https://bridge.tonapi.io'],
    });
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    // Only an empty inline handler (the UI's ontouchstart=""): the hash of the empty string.
    expect(directive(csp, 'script-src-attr')).toEqual([
      "'unsafe-hashes'",
      "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
    ]);
    expect(directive(csp, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directive(csp, 'img-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://cdn.example.com',
      TON_CONNECT_UI_ASSETS,
    ]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://bridge.tonapi.io']);
    expect(csp).not.toMatch(/(^|\s)https:(;|\s|$)/);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
  });

  it('by default (TON Connect on) names the default bridges and no wildcard', () => {
    const csp = contentSecurityPolicy(
      securityHeaderOptions(config({ MEDIA_HOSTS: 'media.example.org' }), null),
    );
    expect(directive(csp, 'connect-src')).toEqual([
      "'self'",
      'https://bridge.tonapi.io',
      'https://walletbot.me',
      'https://tonconnectbridge.mytonwallet.org',
      'https://connect.tonhubapi.com',
    ]);
    expect(directive(csp, 'img-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://media.example.org',
      TON_CONNECT_UI_ASSETS,
    ]);
  });

  it('lets the page send crash reports to the error tracker named by SENTRY_DSN, and nowhere else', () => {
    const csp = contentSecurityPolicy(
      securityHeaderOptions(
        config({ TON_CONNECT_UI: 'false', SENTRY_DSN: 'https://key@o1.ingest.example.io/42' }),
        null,
      ),
    );
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://o1.ingest.example.io']);
  });

  it('lets a development page reach the local Solana node, never in production', () => {
    const dev = { ...config({ TON_CONNECT_UI: 'false' }), ...base, environment: 'development' as const };
    expect(
      directive(contentSecurityPolicy(securityHeaderOptions(dev, 'http://127.0.0.1:8899')), 'connect-src'),
    ).toEqual(["'self'", 'http://127.0.0.1:8899']);
    const production = { ...dev, environment: 'production' as const };
    expect(
      directive(
        contentSecurityPolicy(securityHeaderOptions(production, 'http://127.0.0.1:8899')),
        'connect-src',
      ),
    ).toEqual(["'self'"]);
  });

  it('is the header on every answer, the fast /trpc path included', async () => {
    const server = await startTestServer({ env: { TON_CONNECT_BRIDGES: 'https://bridge.example.net' } });
    try {
      for (const path of ['/health', '/trpc/system.version']) {
        const csp = (await fetch(`${server.url}${path}`)).headers.get('content-security-policy') ?? '';
        expect(directive(csp, 'connect-src'), path).toEqual(["'self'", 'https://bridge.example.net']);
      }
    } finally {
      await server.close();
    }
  });
});
