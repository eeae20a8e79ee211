import type { Deps } from '@puffy/api';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';

/** Pages anyone may see and search engines may list; private areas stay out. */
const STATIC_PAGES = ['/', '/campaigns', '/store'];
const SITEMAP_LIMIT = 5_000;

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

/** `robots.txt` and `sitemap.xml` (docs/product/README.md): the public pages and every visible campaign and NFT. */
export function seoRoutes(options: { deps: Deps; publicOrigin: string }) {
  const { deps, publicOrigin } = options;
  const app = new Hono();

  app.get('/robots.txt', (c) => {
    const lines = [
      'User-agent: *',
      'Disallow: /admin',
      'Disallow: /profile',
      'Disallow: /auth/',
      'Disallow: /trpc/',
      `Sitemap: ${publicOrigin}/sitemap.xml`,
    ];
    c.header('cache-control', 'public, max-age=3600');
    return c.text(`${lines.join('\n')}\n`);
  });

  app.get('/sitemap.xml', async (c) => {
    const { db, t } = deps.db;
    const campaigns = await db
      .select({ slug: t.campaigns.slug, updatedAt: t.campaigns.updatedAt })
      .from(t.campaigns)
      .where(and(eq(t.campaigns.isReady, true), isNull(t.campaigns.archivedAt)))
      .orderBy(desc(t.campaigns.updatedAt))
      .limit(SITEMAP_LIMIT);
    const nfts = await db
      .select({ id: t.userNfts.id, updatedAt: t.userNfts.updatedAt })
      .from(t.userNfts)
      .where(eq(t.userNfts.status, 'minted'))
      .orderBy(desc(t.userNfts.updatedAt))
      .limit(SITEMAP_LIMIT);
    const urls = [
      ...STATIC_PAGES.map((path) => ({ loc: `${publicOrigin}${path}`, lastmod: null })),
      ...campaigns.map((row) => ({
        loc: `${publicOrigin}/campaigns/${encodeURIComponent(row.slug)}`,
        lastmod: row.updatedAt,
      })),
      ...nfts.map((row) => ({ loc: `${publicOrigin}/nft/${row.id}`, lastmod: row.updatedAt })),
    ];
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...urls.map(
        (u) =>
          `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ''}</url>`,
      ),
      '</urlset>',
    ];
    c.header('content-type', 'application/xml; charset=utf-8');
    c.header('cache-control', 'public, max-age=600');
    return c.body(`${body.join('\n')}\n`);
  });

  return app;
}
