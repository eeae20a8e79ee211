import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, absoluteMediaUrl, type Deps, nftMetadata, publicNft } from '@puffy/api';
import type { TNftPublic } from '@puffy/contracts';
import { Hono } from 'hono';

const escapeHtml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c] ?? c,
  );

const FALLBACK_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Puffy</title></head><body></body></html>';

/** Open Graph and Twitter card tags for one NFT, every value escaped (names come from operators). */
export function nftMetaTags(nft: TNftPublic, pageUrl: string): string {
  const title = `${nft.name} · ${nft.campaign.name}`;
  const description =
    nft.description ?? `${nft.name}, a Puffy promotional NFT on ${nft.network}, held by ${nft.ownerShort}.`;
  const tags: Array<[string, string, string]> = [
    ['property', 'og:type', 'website'],
    ['property', 'og:title', title],
    ['property', 'og:description', description],
    ['property', 'og:url', pageUrl],
    ['name', 'twitter:card', nft.image ? 'summary_large_image' : 'summary'],
    ['name', 'twitter:title', title],
    ['name', 'twitter:description', description],
  ];
  if (nft.image) {
    // A preview is fetched by another site's crawler: our own artwork's path must name our origin.
    const image = absoluteMediaUrl(new URL(pageUrl).origin, nft.image);
    tags.push(['property', 'og:image', image], ['name', 'twitter:image', image]);
  }
  return [
    `<title>${escapeHtml(title)}</title>`,
    ...tags.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeHtml(value)}">`),
  ].join('\n    ');
}

/** The SPA's page with the NFT's tags in its head (its own <title> replaced), so a shared link previews. */
export function injectMetaTags(page: string, tags: string): string {
  const withoutTitle = page.replace(/<title>[\s\S]*?<\/title>/i, '');
  return withoutTitle.includes('</head>')
    ? withoutTitle.replace('</head>', `    ${tags}\n  </head>`)
    : `${tags}\n${withoutTitle}`;
}

/**
 * `/nft/:id/metadata.json` (the asset's URI: Metaplex metadata JSON) and `/nft/:id`, the share page:
 * the SPA's index.html rendered with the NFT's Open Graph and Twitter card tags. Unknown or private
 * NFTs answer 404 with nothing about them.
 */
export function nftPageRoutes(options: { deps: Deps; publicOrigin: string; webDistDir?: string }) {
  const { deps, publicOrigin } = options;
  const indexPath = options.webDistDir ? join(options.webDistDir, 'index.html') : null;
  const app = new Hono();
  const idOf = (raw: string): number | null => (/^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null);
  const isNotFound = (error: unknown) => error instanceof AppError && error.code === 'NOT_FOUND';

  app.get('/nft/:id/metadata.json', async (c) => {
    const id = idOf(c.req.param('id'));
    if (id === null) return c.json({ error: { message: 'No such NFT.', code: 'NOT_FOUND' } }, 404);
    try {
      const metadata = await nftMetadata(deps, id);
      c.header('cache-control', 'public, max-age=300');
      c.header('access-control-allow-origin', '*');
      return c.json(metadata);
    } catch (error) {
      if (isNotFound(error)) return c.json({ error: { message: 'No such NFT.', code: 'NOT_FOUND' } }, 404);
      throw error;
    }
  });

  app.get('/nft/:id', async (c) => {
    const id = idOf(c.req.param('id'));
    const page = indexPath && existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : FALLBACK_PAGE;
    if (id === null) return c.html(page, 404);
    try {
      const nft = await publicNft(deps, id);
      c.header('cache-control', 'public, max-age=60');
      return c.html(injectMetaTags(page, nftMetaTags(nft, `${publicOrigin}/nft/${id}`)));
    } catch (error) {
      // The SPA still renders its own "not found" view; crawlers see a 404.
      if (isNotFound(error)) return c.html(page, 404);
      throw error;
    }
  });
  return app;
}
