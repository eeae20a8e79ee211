import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import {
  appRouter,
  type Deps,
  registerJobs,
  resolveSession,
  type SessionResolver,
  watchAllowedMediaHosts,
} from '@puffy/api';
import type { AnyTRPCRouter } from '@trpc/server';
import { createApp } from './app';
import type { AppConfig } from './config';
import { SecurityHeaderSet, securityHeaderOptions } from './http/security-headers';
import { fastTrpcListener } from './http/trpc-node';
import { closeWhenBodyUnread } from './http/unread-body';
import { createMetrics } from './metrics';
import { startObservability } from './observability';
import { closeDeps } from './runtime';

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes db and store. */
  close(): Promise<void>;
  /** What a close() under way has not closed yet (connections, jobs, store, database…). */
  stillOpen(): string[];
}

export async function startServer(
  config: AppConfig,
  deps: Deps,
  options: {
    webDistDir?: string;
    port?: number;
    router?: AnyTRPCRouter;
    resolveSession?: SessionResolver;
  } = {},
): Promise<RunningServer> {
  let draining = false;
  // Error reports and traces, only when configured: before the app, so its requests are traced.
  const observability = await startObservability(config, { service: 'server', logger: deps.logger });
  observability?.reportLoggedErrors(deps.logger);
  const metrics = createMetrics({ jobs: deps.jobs, db: deps.db });
  // One header set for Hono and the fast path, its CSP following the media hosts operators save on any
  // instance. Without the store's pub/sub it keeps MEDIA_HOSTS plus the list read now.
  const security = new SecurityHeaderSet(securityHeaderOptions(config, deps.config.devChainUrl));
  const stopWatchingMediaHosts = await watchAllowedMediaHosts(deps, (hosts) =>
    security.setStoredMediaHosts(hosts),
  ).catch((error) => {
    deps.logger.error({ err: error }, 'media hosts are not watched; the CSP keeps MEDIA_HOSTS only');
    return undefined;
  });
  const app = createApp({
    securityHeaders: security,
    config,
    deps,
    metrics,
    webDistDir: options.webDistDir,
    router: options.router,
    resolveSession: options.resolveSession,
    isDraining: () => draining,
  });
  // /trpc goes through the fast handler ahead of Hono; what it does not handle falls through to Hono.
  const withFastTrpc = config.trpcFastPath
    ? await fastTrpcListener({
        config,
        deps,
        metrics,
        router: options.router ?? appRouter,
        resolveSession: options.resolveSession ?? resolveSession,
        securityHeaders: security,
      })
    : undefined;
  // @hono/node-server hands us its listener here; node's createServer is overloaded, hence the cast.
  const procedures = new Set(Object.keys((options.router ?? appRouter)._def.procedures));
  const traced = (listener: RequestListener) =>
    observability?.traceRequests ? observability.traceRequests(listener, procedures) : listener;
  const createWithOurListeners = ((serverOptions: ServerOptions, honoListener: RequestListener) =>
    createServer(
      serverOptions,
      traced(closeWhenBodyUnread(withFastTrpc ? withFastTrpc(honoListener) : honoListener)),
    )) as typeof createServer;
  const server = await new Promise<Server>((resolveServer) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: options.port ?? config.port,
        hostname: config.host,
        createServer: createWithOurListeners,
      },
      () => resolveServer(s as Server),
    ) as Server;
  });
  const { port } = server.address() as AddressInfo;
  if (config.jobs.runWorker) {
    registerJobs(deps.jobs.worker, deps);
    await deps.jobs.worker.start();
  }
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;

  let closing: Promise<void> | undefined;
  const open = new Set<string>();
  const close = () => {
    closing ??= (async () => {
      draining = true;
      open.add('connections');
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
      await closed;
      clearTimeout(timer);
      open.delete('connections');
      await stopWatchingMediaHosts?.().catch(() => undefined);
      // Jobs stop before the database closes, so running handlers finish (or abort) cleanly.
      await closeDeps(deps, open);
      await observability?.close();
    })();
    return closing;
  };
  return { url: `http://${host}:${port}`, port, deps, close, stillOpen: () => [...open] };
}
