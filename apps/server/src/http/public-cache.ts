import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/**
 * Conditional GETs of answers the procedures declared public (`publicCacheSeconds`): a strong ETag of
 * the body as sent before compression, and 304 Not Modified when the client or CDN already holds it,
 * so a revalidation costs a hash, not a transfer. Both /trpc paths (fast and stock) use these.
 */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

export function isPublicCacheable(method: string, status: number, cacheControl: string | null | undefined) {
  return method === 'GET' && status === 200 && cacheControl?.startsWith('public') === true;
}

/** If-None-Match as RFC 9110 compares it for GET: weakly, any listed tag or `*`. */
export function ifNoneMatchHolds(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** The stock /trpc path's side (the fast path does the same in trpc-node.ts), inside compress(). */
export function conditionalGet(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!isPublicCacheable(c.req.method, c.res.status, c.res.headers.get('cache-control'))) return;
    const etag = etagOf(await c.res.clone().text());
    c.res.headers.set('etag', etag);
    if (ifNoneMatchHolds(c.req.header('if-none-match'), etag)) {
      c.res = new Response(null, { status: 304, headers: c.res.headers });
    }
  };
}
