import { createHash } from 'node:crypto';
import type { TSnapshotImportInput, TSnapshotProgress } from '@puffy/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../deps';
import { createSnapshot, snapshotProgress } from './import';
import { snapshotImportJob } from './jobs';

/**
 * An operator's CSV upload: a new snapshot version and its import job, created together. The same
 * file again for the same campaign and network (already active or still importing) returns that
 * snapshot instead of importing it twice.
 */
export async function startSnapshotImport(
  deps: Pick<Deps, 'db' | 'clock' | 'logger' | 'jobs'>,
  adminUserId: string,
  input: TSnapshotImportInput,
): Promise<TSnapshotProgress> {
  const text = input.csv.endsWith('\n') ? input.csv : `${input.csv}\n`;
  const fileSha256 = createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
  const { db, t } = deps.db;
  const [same] = await db
    .select({ id: t.holderSnapshots.id })
    .from(t.holderSnapshots)
    .where(
      and(
        eq(t.holderSnapshots.campaignId, input.campaignId),
        eq(t.holderSnapshots.network, input.network),
        eq(t.holderSnapshots.fileSha256, fileSha256),
        inArray(t.holderSnapshots.status, ['active', 'importing']),
      ),
    )
    .limit(1);
  if (same) return snapshotProgress(deps, same.id);
  const snapshotId = await deps.db.withTransaction(async (tx) => {
    const id = await createSnapshot(deps, {
      campaignId: input.campaignId,
      network: input.network,
      createdBy: adminUserId,
      fileSha256,
    });
    await deps.jobs.queue.enqueue(
      snapshotImportJob,
      { snapshotId: id, source: { kind: 'text', text } },
      { tx },
    );
    return id;
  });
  return snapshotProgress(deps, snapshotId);
}
