import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Paths the SPA must never shadow: an unknown API path answers 404, not index.html. */
const NOT_SPA = /^\/(trpc|health|ready|metrics|bot|nft\/[^/]+\/metadata\.json)(\/|$)/;

function fileResponse(c: Context, path: string, cacheControl: string): Response {
  const stat = statSync(path);
  const stream = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return c.body(stream, 200, {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Length': String(stat.size),
    'Cache-Control': cacheControl,
  });
}

/**
 * Serves the built SPA: hashed files under /assets are immutable for a year; every other GET that is
 * not a file and not an API path gets index.html (history fallback), never cached so a deploy is
 * picked up at once.
 */
export function staticSpa(distDir: string): MiddlewareHandler {
  const root = resolve(distDir);
  const index = join(root, 'index.html');
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = decodeURIComponent(c.req.path);
    if (NOT_SPA.test(path)) return next();
    const candidate = normalize(join(root, path));
    if (candidate.startsWith(root + sep) && existsSync(candidate) && statSync(candidate).isFile()) {
      const immutable = path.startsWith('/assets/');
      return fileResponse(
        c,
        candidate,
        immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      );
    }
    if (extname(path) !== '' || !existsSync(index)) return next();
    return fileResponse(c, index, 'no-cache');
  };
}
