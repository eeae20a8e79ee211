import { ZSystemVersion } from '@puffy/contracts';
import { router } from '../trpc/init';
import { publicProcedure } from '../trpc/procedures';
import { describeVersion } from './service';

export const systemRouter = router({
  version: publicProcedure.output(ZSystemVersion).query(({ ctx }) => describeVersion(ctx.deps)),
});
