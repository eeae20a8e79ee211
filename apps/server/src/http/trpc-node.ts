import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { deflate, gzip } from 'node:zlib';
import { callerRequestIdOf, createContext, type Deps, type SessionResolver } from '@puffy/api';
import type { AnyTRPCRouter } from '@trpc/server';
import { parseAccept } from 'hono/utils/accept';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import type { AppConfig } from '../config';
import { type Metrics, routeLabel } from '../metrics';
import { forwardedClient } from './client-ip';
import { publicAnswers } from './public-answers';
import { etagOf, ifNoneMatchHolds, isPublicCacheable } from './public-cache';
import { requestLogUrl } from './request-log';
import type { SecurityHeaderSet } from './security-headers';
import { MAX_BATCH_SIZE } from './trpc';
import { type FastCall, type FastResponse, fastPathFor, HeaderBag, resolveFast } from './trpc-fast';

/**
 * The hot path for /trpc, attached to the node server ahead of Hono. It does what Hono's middleware
 * chain does for a tRPC request (request id, metrics and log line, security headers, CORS, gzip or
 * deflate, body limit) and answers through `resolveFast`; any request it does not handle exactly
 * (preflights, subscriptions, streaming, odd paths) goes to Hono and the stock fetch adapter.
 * test/trpc-wire.test.ts sends the same requests to both and compares the responses.
 */

const compressWith = { gzip: promisify(gzip), deflate: promisify(deflate) };
const ENCODINGS = ['gzip', 'deflate'] as const;

/** Hono's compress middleware's choice: the first candidate with q=1, else the highest q. */
function selectEncoding(header: string | undefined): 'gzip' | 'deflate' | undefined {
  if (header === undefined) return undefined;
  const accepts = parseAccept(header);
  const wildcardQ = accepts.find((a) => a.type === '*')?.q;
  let best: { encoding: 'gzip' | 'deflate'; q: number } | undefined;
  for (const encoding of ENCODINGS) {
    const explicit = accepts.find((a) => a.type.toLowerCase() === encoding);
    const q = explicit ? explicit.q : (wildcardQ ?? 0);
    if (q === 1) return encoding;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}

/** Header lookup with Fetch semantics (case-insensitive, repeated headers joined by ", "), as Hono sees them. */
function headerReader(raw: string[]): (name: string) => string | undefined {
  return (name) => {
    const wanted = name.toLowerCase();
    let value: string | undefined;
    for (let i = 0; i < raw.length; i += 2) {
      const key = raw[i] as string;
      if (key.length === wanted.length && key.toLowerCase() === wanted) {
        value = value === undefined ? (raw[i + 1] as string) : `${value}, ${raw[i + 1]}`;
      }
    }
    return value;
  };
}

type BodyResult = { ok: true; text: string } | { ok: false };

/** Hono's bodyLimit: trust a Content-Length when there is no Transfer-Encoding, else count while reading. */
function readBody(req: IncomingMessage, header: (name: string) => string | undefined, max: number) {
  return new Promise<BodyResult>((resolve, reject) => {
    const length = header('content-length');
    const trustLength = length !== undefined && header('transfer-encoding') === undefined;
    if (trustLength && Number.parseInt(length || '0', 10) > max) return resolve({ ok: false });
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (!trustLength && size > max) {
        req.off('data', onData);
        req.off('end', onEnd);
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks, size).toString('utf8');
      // Fetch's body.json() drops a byte order mark; so must we.
      resolve({ ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

export interface FastTrpcOptions {
  config: AppConfig;
  deps: Deps;
  metrics: Metrics;
  router: AnyTRPCRouter;
  resolveSession: SessionResolver;
  /** The same set Hono's middleware sends (server.ts keeps it current). */
  securityHeaders: SecurityHeaderSet;
}

/** Returns a wrapper for Hono's node listener: /trpc requests the fast path handles never reach Hono. */
export async function fastTrpcListener(
  options: FastTrpcOptions,
): Promise<(fallback: RequestListener) => RequestListener> {
  const { config, deps, metrics, router, resolveSession } = options;
  const procedures = new Set(Object.keys(router._def.procedures));
  const security = options.securityHeaders;
  const exposeHeaders = 'x-request-id,retry-after';
  const answers = publicAnswers(deps.store);

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    call: FastCall,
    header: (name: string) => string | undefined,
    requestId: string,
  ): Promise<number> {
    const method = req.method as string;
    let result: FastResponse;
    const body = method === 'POST' ? await readBody(req, header, config.bodyLimitBytes) : undefined;
    if (body && !body.ok) {
      const headers = new HeaderBag();
      headers.set('content-type', 'application/json');
      result = {
        status: 413,
        headers,
        body: JSON.stringify({ error: { message: 'Request body too large', code: 'PAYLOAD_TOO_LARGE' } }),
      };
    } else {
      const ip = config.trustProxy
        ? forwardedClient(header('x-forwarded-for'), config.trustProxyHops)
        : undefined;
      result = await resolveFast({
        router,
        call,
        method,
        readBody: () => (body?.ok ? body.text : ''),
        maxBatchSize: MAX_BATCH_SIZE,
        shortcutFor: answers.shortcutFor,
        createContext: (resHeaders) =>
          createContext(
            deps,
            { requestId, ip: ip || (req.socket.remoteAddress ?? 'unknown'), method, header },
            {
              setHeader: (name, value) => resHeaders.set(name, value),
              appendCookie: (cookie) => resHeaders.append('Set-Cookie', cookie),
            },
            resolveSession,
          ),
      });
    }
    const { headers, shared } = result;
    if (isPublicCacheable(method, result.status, headers.get('cache-control'))) {
      if (shared && shared.etag === undefined) shared.etag = etagOf(result.body);
      const etag = shared?.etag ?? etagOf(result.body);
      headers.set('etag', etag);
      if (ifNoneMatchHolds(header('if-none-match'), etag)) result = { status: 304, headers, body: '' };
    }
    // A Fetch Response built from a string without a content-type says text/plain; Hono saw that one.
    if (headers.get('content-type') === undefined) headers.set('content-type', 'text/plain;charset=UTF-8');
    let payload: Buffer | string = result.body;
    // compress(): Hono sees no Content-Length on these responses, so any size qualifies.
    const contentType = headers.get('content-type');
    if (contentType && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType)) {
      const vary = headers.get('vary');
      if (vary !== '*' && !(vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) {
        headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      }
      // A 304 has no body to compress (Vary still says the answer depends on Accept-Encoding).
      const encoding = result.status === 304 ? undefined : selectEncoding(header('accept-encoding'));
      if (encoding) {
        // A shared public answer is compressed once (public-answers.ts), others per request.
        const kept = shared?.[encoding];
        payload = kept ?? (await compressWith[encoding](payload));
        if (shared && !kept) shared[encoding] = payload as Buffer;
        headers.set('content-encoding', encoding);
        // The compressed bytes are another representation: the tag turns weak, as compress() does.
        const etag = headers.get('etag');
        if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
      }
    }
    // cors(): the origin echoed only when configured, Vary: Origin always.
    const origin = header('origin') || '';
    if (config.corsOrigins.includes(origin)) headers.set('access-control-allow-origin', origin);
    headers.set('access-control-allow-credentials', 'true');
    headers.set('access-control-expose-headers', exposeHeaders);
    headers.append('vary', 'Origin');
    for (const [name, value] of security.headers) headers.set(name, value);
    headers.set('x-request-id', requestId);

    const out: Record<string, string | string[] | number> = Object.fromEntries(headers.values);
    if (headers.cookies.length > 0) out['set-cookie'] = headers.cookies;
    out['content-length'] = Buffer.byteLength(payload);
    res.writeHead(result.status, out);
    res.end(payload);
    return result.status;
  }

  return (fallback) => (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith('/trpc/')) return fallback(req, res);
    const header = headerReader(req.rawHeaders);
    const method = req.method ?? 'GET';
    const call = fastPathFor(router, method, url, header);
    if (!call) return fallback(req, res);
    const started = performance.now();
    // Always our own id, as app.ts does; the caller's goes beside it in the log line.
    const requestId = crypto.randomUUID();
    const callerRequestId = callerRequestIdOf({ header }) ?? undefined;
    const done = (status: number) => {
      const seconds = (performance.now() - started) / 1000;
      const q = url.indexOf('?');
      metrics.observe(method, routeLabel(q < 0 ? url : url.slice(0, q), procedures), status, seconds);
      const line = {
        requestId,
        callerRequestId,
        method,
        url: requestLogUrl(url, router),
        status,
        ms: Math.round(seconds * 1000 * 10) / 10,
      };
      if (status >= 500) deps.logger.error(line, 'request failed');
      else deps.logger.info(line, 'request');
    };
    answer(req, res, call, header, requestId).then(done, (error: unknown) => {
      deps.logger.error({ err: error, requestId }, 'unhandled error');
      if (!res.headersSent) {
        const body = JSON.stringify({
          error: { message: 'Something went wrong on our side.', code: 'INTERNAL_SERVER_ERROR' },
        });
        res.writeHead(500, { 'content-type': 'application/json', 'x-request-id': requestId });
        res.end(body);
      } else res.destroy();
      done(500);
    });
  };
}
