import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { type CircuitStatesSource, registerCircuitGauge } from './metrics-circuits';
import { type OperationalSources, registerOperationalGauges } from './metrics-operational';
import { registerQueryCounts } from './metrics-query-counts';

/**
 * One registry per app instance (not the global default), so several servers can live in one test
 * process. With `sources`, /metrics also reports the job queue and the payment and mint pipelines.
 */
export function createMetrics(sources: OperationalSources & { circuits?: CircuitStatesSource } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'puffy_' });
  const requests = new Counter({
    name: 'puffy_http_requests_total',
    help: 'HTTP requests by method, route or procedure, and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'puffy_http_request_duration_seconds',
    help: 'HTTP request latency by method and route or procedure',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'puffy_rate_limit_rejections_total',
    help: 'Requests refused with 429 Too Many Requests, by route or procedure',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  registerOperationalGauges(registry, sources);
  registerCircuitGauge(registry, sources.circuits);
  registerQueryCounts(registry);
  return {
    registry,
    observe(method: string, route: string, status: number, seconds: number) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
      if (status === 429) rateLimited.inc({ route });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Labels must stay few: a tRPC call is labelled by its procedure (a batch by "batch"), the SPA's
 * files by one label, and anything unknown by "other" so scanners cannot blow up the series count.
 */
export function routeLabel(path: string, knownProcedures: ReadonlySet<string>): string {
  if (path.startsWith('/trpc/')) {
    const names = path.slice('/trpc/'.length);
    if (names.includes(',')) return 'trpc:batch';
    return knownProcedures.has(names) ? `trpc:${names}` : 'trpc:unknown';
  }
  if (path === '/health' || path === '/ready' || path === '/metrics') return path;
  if (path.startsWith('/assets/')) return 'static';
  return 'spa';
}
