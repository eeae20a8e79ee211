import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/http/security-headers';

describe('content security policy', () => {
  it('is strict without TON Connect: same-origin everything, images and media from the allowed hosts only', () => {
    const csp = contentSecurityPolicy({
      production: true,
      mediaHosts: ['cdn.example.com'],
      tonConnect: false,
    });
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("img-src 'self' data: blob: https://cdn.example.com;");
  });

  it('opens only styles, https images and https connections for TON Connect; scripts stay same-origin', () => {
    const csp = contentSecurityPolicy({
      production: true,
      mediaHosts: ['cdn.example.com'],
      tonConnect: true,
    });
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' https:");
    expect(csp).toContain("img-src 'self' data: blob: https:");
    expect(csp).toContain("media-src 'self' https://cdn.example.com");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('lets a development page reach the local Solana node, never in production', async () => {
    const { securityHeaderOptions } = await import('../../src/http/security-headers');
    const base = { mediaHosts: [], tonConnectUi: false };
    const dev = contentSecurityPolicy(
      securityHeaderOptions({ ...base, environment: 'development' }, 'http://127.0.0.1:8899'),
    );
    expect(dev).toContain("connect-src 'self' http://127.0.0.1:8899;");
    const production = contentSecurityPolicy(
      securityHeaderOptions({ ...base, environment: 'production' }, 'http://127.0.0.1:8899'),
    );
    expect(production).toContain("connect-src 'self';");
  });
});
