import { AppError, type Deps, type SessionResolver, uploadSnapshotFile } from '@puffy/api';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { crossSiteRefusal } from './cross-site';

/** A million rows of `wallet,chain,amount` is about 80 MB; anything far beyond is not a holder list. */
const MAX_UPLOAD_BYTES = 256 * 1_048_576;

const httpStatus: Record<string, 400 | 401 | 403 | 404 | 409 | 412 | 429> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

/**
 * `POST /admin/snapshots/:id/upload`: the CSV body of a snapshot declared with
 * `admin.snapshots.begin`, streamed straight into the import (never held whole), answered with the
 * final progress. Mounted before the global body limit, which would cap it at a JSON request's size;
 * this route enforces its own. Same door as the console: an admin with the campaigns scope.
 */
export function snapshotUploadRoutes(options: {
  deps: Deps;
  resolveSession: SessionResolver;
  ipOf: (c: Context) => string;
}) {
  const { deps } = options;
  const app = new Hono();
  app.post('/admin/snapshots/:id{[0-9a-f-]{36}}/upload', async (c) => {
    const session = await options.resolveSession(
      { requestId: c.get('requestId'), ip: options.ipOf(c), method: 'POST', header: (h) => c.req.header(h) },
      deps,
    );
    if (!session) return c.json({ error: { code: 'UNAUTHORIZED', message: 'Sign in to continue.' } }, 401);
    if (session.role !== 'admin' || !session.scopes.includes('campaigns'))
      return c.json(
        { error: { code: 'FORBIDDEN', message: 'Uploading a snapshot needs the campaigns scope.' } },
        403,
      );
    if (crossSiteRefusal(deps, session, (h) => c.req.header(h)))
      return c.json({ error: { code: 'FORBIDDEN', message: 'Reload the page and try again.' } }, 403);
    const body = c.req.raw.body;
    if (!body) return c.json({ error: { code: 'BAD_REQUEST', message: 'Send the CSV as the body.' } }, 400);
    try {
      const progress = await uploadSnapshotFile(deps, c.req.param('id'), body, {
        maxBytes: MAX_UPLOAD_BYTES,
        signal: c.req.raw.signal,
      });
      return c.json(progress);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return c.json({ error: { code: error.code, message: error.message } }, httpStatus[error.code] ?? 400);
    }
  });
  return app;
}
