import { ZSnapshotProgress, ZSnapshotProgressInput } from '@puffy/contracts';
import { router } from '../trpc/init';
import { adminProcedure } from '../trpc/procedures';
import { snapshotProgress } from './import';

/**
 * `campaign.snapshot.*`: operators follow an import's progress. Imports themselves have one door, the
 * audited upload (`admin.snapshots.begin`, then `POST /admin/snapshots/:id/upload`).
 */
export const snapshotRouter = router({
  progress: adminProcedure('campaigns')
    .input(ZSnapshotProgressInput)
    .output(ZSnapshotProgress)
    .query(({ ctx, input }) => snapshotProgress(ctx.deps, input.snapshotId)),
});
