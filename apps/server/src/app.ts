import { appRouter, callerRequestIdOf, type Deps, resolveSession, type SessionResolver } from '@puffy/api';
import type { AnyTRPCRouter } from '@trpc/server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { AppConfig } from './config';
import { httpAccess } from './http/access';
import { clientIp } from './http/client-ip';
import { discordBotRoutes } from './http/discord-bot';
import { exportRoutes } from './http/exports';
import { healthRoutes } from './http/health';
import { nftPageRoutes } from './http/nft-pages';
import { partnerApiRoutes } from './http/partner-api';
import { conditionalGet } from './http/public-cache';
import { requestLogUrl } from './http/request-log';
import { SecurityHeaderSet, securityHeaderOptions, securityHeaders } from './http/security-headers';
import { seoRoutes } from './http/seo';
import { snapshotUploadRoutes } from './http/snapshot-upload';
import { staticSpa } from './http/static-spa';
import { tonConnectManifest } from './http/ton-connect';
import { tonConnectWallets } from './http/ton-wallets';
import { TRPC_ENDPOINT, trpcHandler } from './http/trpc';
import { visitLinkRoutes } from './http/visit-link';
import { type Metrics, routeLabel } from './metrics';

export interface AppOptions {
  config: AppConfig;
  deps: Deps;
  metrics: Metrics;
  router?: AnyTRPCRouter;
  resolveSession?: SessionResolver;
  webDistDir?: string;
  isDraining?: () => boolean;
  /** The headers every answer carries; the server passes the one set it keeps current (server.ts). */
  securityHeaders?: SecurityHeaderSet;
}

/** The HTTP surface: middleware in the order a request meets it, then the routes. */
export function createApp(options: AppOptions) {
  const { config, deps, metrics } = options;
  const router = options.router ?? appRouter;
  const procedures = new Set(Object.keys(router._def.procedures));
  const ipOf = (c: Parameters<typeof clientIp>[0]) => clientIp(c, config);
  const access = httpAccess({ deps, resolveSession: options.resolveSession ?? resolveSession, ipOf });
  const app = new Hono();

  // Always our own id: a caller's X-Request-Id could name another request. Theirs is logged beside it.
  app.use(requestId({ headerName: '', generator: () => crypto.randomUUID() }));
  app.use(async (c, next) => {
    c.header('X-Request-Id', c.get('requestId'));
    await next();
  });
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    metrics.observe(c.req.method, routeLabel(c.req.path, procedures), c.res.status, seconds);
    const line = {
      requestId: c.get('requestId'),
      callerRequestId: callerRequestIdOf({ header: (name) => c.req.header(name) }) ?? undefined,
      method: c.req.method,
      url: requestLogUrl(c.req.url.replace(/^https?:\/\/[^/]+/, ''), router),
      status: c.res.status,
      ms: Math.round(seconds * 1000 * 10) / 10,
    };
    if (c.res.status >= 500) deps.logger.error(line, 'request failed');
    else deps.logger.info(line, 'request');
  });
  app.use(
    securityHeaders(
      options.securityHeaders ??
        new SecurityHeaderSet(securityHeaderOptions(config, deps.config.devChainUrl)),
    ),
  );
  app.use(
    cors({
      origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
      credentials: true,
      allowHeaders: ['content-type', 'x-csrf-token', 'authorization', 'x-request-id', 'trpc-accept'],
      exposeHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    }),
  );
  app.use(compress());
  // Before the body limit: a holder CSV streams far past a JSON request's size and has its own cap.
  app.route('/', snapshotUploadRoutes({ deps, access }));
  app.use(
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) =>
        c.json({ error: { message: 'Request body too large', code: 'PAYLOAD_TOO_LARGE' } }, 413),
    }),
  );

  app.route(
    '/',
    healthRoutes({
      deps,
      metrics,
      metricsToken: config.metricsToken,
      isDraining: options.isDraining ?? (() => false),
    }),
  );
  app.route('/', discordBotRoutes({ deps, access }));
  app.route('/', partnerApiRoutes({ deps, access }));
  app.route('/', visitLinkRoutes({ deps }));
  app.route('/', seoRoutes({ deps, publicOrigin: config.publicOrigin }));
  app.route('/', tonConnectManifest({ publicOrigin: config.publicOrigin }));
  if (config.tonConnectUi) {
    app.route(
      '/',
      tonConnectWallets({ listUrl: config.tonConnect.walletsUrl, bridges: config.tonConnect.bridges }),
    );
  }
  app.route('/', nftPageRoutes({ deps, publicOrigin: config.publicOrigin, webDistDir: options.webDistDir }));
  app.route('/', exportRoutes({ deps, access }));
  app.use(`${TRPC_ENDPOINT}/*`, conditionalGet());
  app.all(
    `${TRPC_ENDPOINT}/*`,
    trpcHandler({ router, deps, resolveSession: options.resolveSession ?? resolveSession, ipOf }),
  );
  if (options.webDistDir) app.use(staticSpa(options.webDistDir));
  app.notFound((c) => c.json({ error: { message: `Nothing at ${c.req.path}`, code: 'NOT_FOUND' } }, 404));
  app.onError((error, c) => {
    deps.logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    return c.json(
      { error: { message: 'Something went wrong on our side.', code: 'INTERNAL_SERVER_ERROR' } },
      500,
    );
  });
  return app;
}
