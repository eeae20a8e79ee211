import { BadInput, type Deps, uploadSnapshotFile } from '@puffy/api';
import { guardedRoutes, type HttpAccess } from './access';

/** A million rows of `wallet,chain,amount` is about 80 MB; anything far beyond is not a holder list. */
const MAX_UPLOAD_BYTES = 256 * 1_048_576;

/**
 * `POST /admin/snapshots/:id/upload`: the CSV body of a snapshot declared with
 * `admin.snapshots.begin`, streamed straight into the import (never held whole), answered with the
 * final progress. Mounted before the global body limit, which would cap it at a JSON request's size;
 * this route enforces its own. Same door as the console: an admin with the campaigns scope.
 */
export function snapshotUploadRoutes(options: { deps: Deps; access: HttpAccess }) {
  const app = guardedRoutes();
  app.post('/admin/snapshots/:id{[0-9a-f-]{36}}/upload', options.access.admin('campaigns'), async (c) => {
    const body = c.req.raw.body;
    if (!body) throw new BadInput('Send the CSV as the body.', undefined, 'upload_body_missing');
    const progress = await uploadSnapshotFile(options.deps, c.req.param('id'), body, {
      maxBytes: MAX_UPLOAD_BYTES,
      signal: c.req.raw.signal,
    });
    return c.json(progress);
  });
  return app;
}
