import { ZCatalog } from '@puffy/contracts';
import { router } from '../trpc/init';
import { publicProcedure } from '../trpc/procedures';
import { serveCatalog } from './service';

/** The public catalog. */
export const storeRouter = router({
  catalog: publicProcedure.output(ZCatalog).query(({ ctx }) => serveCatalog(ctx.deps, ctx.res)),
});
