import type { TCatalog } from '@puffy/contracts';
import type { Deps } from '../deps';
import type { ResponseControl } from '../trpc/context';
import { readCatalog } from './catalog';

/**
 * The catalog for anyone, with an ETag and a short public cache lifetime: prices change rarely, and a
 * quote re-reads them anyway, so a cached catalog can only ever show a stale price, never charge one.
 */
export async function serveCatalog(deps: Deps, res: ResponseControl): Promise<TCatalog> {
  const { catalog, etag } = await readCatalog(deps);
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'public, max-age=60, must-revalidate');
  return catalog;
}
