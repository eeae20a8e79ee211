import {
  BadInput,
  csvLine,
  type Deps,
  exportDataset,
  exportDatasetNames,
  type SessionResolver,
} from '@puffy/api';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { crossSiteRefusal } from './cross-site';

const EXPORT_RULE = { name: 'admin.export', points: 10, durationSeconds: 60 };

/**
 * `GET /admin/exports/:dataset.csv|.json`: a whole list as a download, streamed page by page. Same
 * door as the console's mutations: a signed-in admin with the dataset's scope, by bearer, or by cookie
 * with the CSRF header (the SPA downloads with fetch and saves the file itself).
 */
export function exportRoutes(options: {
  deps: Deps;
  resolveSession: SessionResolver;
  ipOf: (c: Context) => string;
}) {
  const { deps } = options;
  const app = new Hono();
  app.get('/admin/exports/:file{[a-z-]+\\.(csv|json)}', async (c) => {
    const [name = '', format] = c.req.param('file').split('.');
    const dataset = exportDataset(name);
    if (!dataset)
      return c.json(
        {
          error: {
            code: 'NOT_FOUND',
            message: `No export named ${name}; there are ${exportDatasetNames().join(', ')}`,
          },
        },
        404,
      );
    const session = await options.resolveSession(
      { requestId: c.get('requestId'), ip: options.ipOf(c), method: 'GET', header: (h) => c.req.header(h) },
      deps,
    );
    if (!session) return c.json({ error: { code: 'UNAUTHORIZED', message: 'Sign in to continue.' } }, 401);
    if (session.role !== 'admin' || !session.scopes.includes(dataset.scope))
      return c.json(
        { error: { code: 'FORBIDDEN', message: `This export needs the ${dataset.scope} scope.` } },
        403,
      );
    // Checked before the budget is spent: a page on another site can make an admin's browser send this
    // GET with its cookies, but cannot add the CSRF header the SPA's download sends.
    if (crossSiteRefusal(deps, session, (h) => c.req.header(h)))
      return c.json(
        {
          error: {
            code: 'FORBIDDEN',
            message: 'Download exports from the admin console; reload it and try again.',
          },
        },
        403,
      );
    const limited = await deps.limiter.consume(EXPORT_RULE, `user:${session.userId}`);
    if (!limited.allowed) {
      c.header('retry-after', String(limited.retryAfterSeconds));
      return c.json(
        { error: { code: 'TOO_MANY_REQUESTS', message: 'Too many exports; wait a minute.' } },
        429,
      );
    }
    deps.logger.info({ export: name, format, userId: session.userId }, 'admin export');
    const stamp = new Date().toISOString().slice(0, 10);
    c.header(
      'content-type',
      format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    );
    c.header('content-disposition', `attachment; filename="${name}-${stamp}.${format}"`);
    c.header('cache-control', 'no-store');
    const query = new URL(c.req.url).searchParams;
    // The first page is read before streaming starts, so a bad filter is a clear 400, not a cut file.
    let firstPage: Awaited<ReturnType<typeof dataset.page>>;
    try {
      firstPage = await dataset.page(deps, undefined, query);
    } catch (error) {
      if (error instanceof BadInput)
        return c.json(
          { error: { code: 'BAD_REQUEST', message: error.message, fieldErrors: error.options.fieldErrors } },
          400,
        );
      throw error;
    }
    return stream(c, async (out) => {
      let cursor: string | undefined;
      let first = true;
      let pending: typeof firstPage | null = firstPage;
      await out.write(format === 'csv' ? csvLine(dataset.columns) : '[');
      do {
        const page = pending ?? (await dataset.page(deps, cursor, query));
        pending = null;
        for (const row of page.rows) {
          if (format === 'csv') await out.write(csvLine(row));
          else {
            const record = Object.fromEntries(dataset.columns.map((col, i) => [col, row[i] ?? null]));
            await out.write(`${first ? '' : ','}\n${JSON.stringify(record)}`);
          }
          first = false;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      if (format === 'json') await out.write('\n]\n');
    });
  });
  return app;
}
