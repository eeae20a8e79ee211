import type { Deps } from '@puffy/api';
import { Hono } from 'hono';
import type { Metrics } from '../metrics';

async function check(name: string, probe: () => Promise<void>, timeoutMs: number): Promise<[string, string]> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return [name, 'ok'];
  } catch (error) {
    return [name, error instanceof Error ? error.message : 'failed'];
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(options: {
  deps: Pick<Deps, 'db' | 'store'>;
  metrics: Metrics;
  metricsToken: string | undefined;
  isDraining: () => boolean;
}) {
  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/ready', async (c) => {
    if (options.isDraining()) return c.json({ status: 'draining', checks: {} }, 503);
    const checks = Object.fromEntries(
      await Promise.all([
        check('database', () => options.deps.db.ping(), 2000),
        check('store', () => options.deps.store.ping(), 2000),
      ]),
    );
    const ready = Object.values(checks).every((v) => v === 'ok');
    return c.json({ status: ready ? 'ready' : 'unavailable', checks }, ready ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    if (options.metricsToken && c.req.header('authorization') !== `Bearer ${options.metricsToken}`) {
      return c.text('metrics need the bearer token\n', 401);
    }
    return c.text(await options.metrics.registry.metrics(), 200, {
      'Content-Type': options.metrics.registry.contentType,
    });
  });
  return app;
}
