import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';

describe('robots.txt and sitemap.xml', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const { db, t } = server.deps.db;
    const base = { network: 'sol' as const, vmType: 'svm' as const, nftGasFeeLamports: 1_000_000n };
    await db.insert(t.campaigns).values([
      { ...base, slug: 'summer-drop', name: 'Summer drop', isReady: true },
      { ...base, slug: 'draft-drop', name: 'Draft', isReady: false },
      { ...base, slug: 'old-drop', name: 'Archived', isReady: true, archivedAt: new Date() },
    ]);
  });
  afterAll(() => server.close());

  it('keeps crawlers out of private areas and points them at the sitemap', async () => {
    const response = await fetch(`${server.url}/robots.txt`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    for (const path of ['/admin', '/profile', '/auth/', '/trpc/'])
      expect(text).toContain(`Disallow: ${path}`);
    expect(text).toContain(`Sitemap: ${server.url}/sitemap.xml`);
  });

  it('lists the public pages and the campaigns members can see, and nothing else', async () => {
    const response = await fetch(`${server.url}/sitemap.xml`);
    expect(response.headers.get('content-type')).toContain('application/xml');
    const xml = await response.text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      `${server.url}/`,
      `${server.url}/campaigns`,
      `${server.url}/store`,
      `${server.url}/campaigns/summer-drop`,
    ]);
  });
});
