import { ZCatalog } from '@puffy/contracts';
import { router } from '../trpc/init';
import { publicProcedure } from '../trpc/procedures';
import { cachedCatalog } from './catalog-cache';

export const storeRouter = router({
  /**
   * The public catalog. Prices change rarely and a quote re-reads them anyway, so a cached catalog can
   * only ever show a stale price, never charge one: CDNs may hold it a minute, and each instance keeps
   * it a few seconds, dropped on every instance at once when an operator edits the store.
   */
  catalog: publicProcedure
    .meta({ publicCacheSeconds: 60 })
    .output(ZCatalog)
    .query(({ ctx }) => cachedCatalog(ctx.deps)),
});
