import { csvLine, type Deps, exportDataset, exportDatasetNames, NotFound, RateLimited } from '@puffy/api';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { type AccessEnv, guardedRoutes, type HttpAccess } from './access';

const EXPORT_RULE = { name: 'admin.export', points: 10, durationSeconds: 60 };
const EXPORT_PATH = '/admin/exports/:file{[a-z-]+\\.(csv|json)}';

/** The export a request names, with its format; a name we do not have is a 404 that lists ours. */
function requestedExport(c: Context<AccessEnv>) {
  const [name = '', format = 'csv'] = (c.req.param('file') ?? '').split('.');
  const dataset = exportDataset(name);
  if (!dataset)
    throw new NotFound(
      `No export named ${name}; there are ${exportDatasetNames().join(', ')}`,
      'export_not_found',
      {
        name,
      },
    );
  return { name, format, dataset };
}

/**
 * `GET /admin/exports/:dataset.csv|.json`: a whole list as a download, streamed page by page. Same
 * door as the console's mutations: a signed-in admin with the dataset's scope, by bearer, or by cookie
 * with the CSRF header (the SPA downloads with fetch and saves the file itself).
 */
export function exportRoutes(options: { deps: Deps; access: HttpAccess }) {
  const { deps } = options;
  const app = guardedRoutes();
  // The door is checked before the budget is spent: a page on another site can make an admin's
  // browser send this GET with its cookies, but cannot add the CSRF header the SPA's download sends.
  app.get(
    EXPORT_PATH,
    options.access.admin((c) => requestedExport(c).dataset.scope),
    async (c) => {
      const { name, format, dataset } = requestedExport(c);
      const session = c.get('session');
      const limited = await deps.limiter.consume(EXPORT_RULE, `user:${session.userId}`);
      if (!limited.allowed)
        throw new RateLimited(limited.retryAfterSeconds, 'Too many exports; wait a minute.');
      deps.logger.info({ export: name, format, userId: session.userId }, 'admin export');
      const query = new URL(c.req.url).searchParams;
      // The first page is read before streaming starts, so a bad filter is a clear 400, not a cut file.
      const firstPage = await dataset.page(deps, undefined, query);
      const stamp = new Date().toISOString().slice(0, 10);
      c.header(
        'content-type',
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      );
      c.header('content-disposition', `attachment; filename="${name}-${stamp}.${format}"`);
      c.header('cache-control', 'no-store');
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
    },
  );
  return app;
}
