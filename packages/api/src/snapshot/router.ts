import { ZSnapshotProgress, ZSnapshotProgressInput } from '@puffy/contracts';
import { campaignsDesk } from '../admin/desks';
import { router } from '../trpc/init';
import { snapshotProgress } from './import';

/**
 * `campaign.snapshot.*`: operators follow an import's progress. Imports themselves have one door, the
 * audited upload (`admin.snapshots.begin`, then `POST /admin/snapshots/:id/upload`).
 */
export const snapshotRouter = router({
  progress: campaignsDesk
    .input(ZSnapshotProgressInput)
    .output(ZSnapshotProgress)
    .query(({ ctx, input }) => snapshotProgress(ctx.deps, input.snapshotId)),
});
