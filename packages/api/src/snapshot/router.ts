import { ZSnapshotImportInput, ZSnapshotProgress, ZSnapshotProgressInput } from '@puffy/contracts';
import { router } from '../trpc/init';
import { adminProcedure } from '../trpc/procedures';
import { startSnapshotImport } from './admin';
import { snapshotProgress } from './import';

/** `campaign.snapshot.*`: operators import holder lists and follow the import's progress. */
export const snapshotRouter = router({
  import: adminProcedure('campaigns')
    .input(ZSnapshotImportInput)
    .output(ZSnapshotProgress)
    .mutation(({ ctx, input }) => startSnapshotImport(ctx.deps, ctx.session.userId, input)),

  progress: adminProcedure('campaigns')
    .input(ZSnapshotProgressInput)
    .output(ZSnapshotProgress)
    .query(({ ctx, input }) => snapshotProgress(ctx.deps, input.snapshotId)),
});
