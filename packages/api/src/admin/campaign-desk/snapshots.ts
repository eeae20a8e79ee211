import { createHash } from 'node:crypto';
import type { TNetwork, TPageInput, TSnapshotProgress } from '@puffy/contracts';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { newestPage } from '../../platform/cursor';
import { BadInput, Conflict, PreconditionFailed } from '../../platform/errors';
import { createSnapshot, runSnapshotImport, snapshotProgress } from '../../snapshot/import';
import { firstRow } from '../../trpc/first-row';
import { assertCampaignExists } from './campaign-exists';

type DeskDeps = Pick<Deps, 'db' | 'clock' | 'logger'>;

/** Uploads running in this process; a second upload into the same snapshot is refused. */
const uploading = new Set<string>();

/**
 * Declares an upload: the file's SHA-256 names it. The same file as the active snapshot is that
 * snapshot again (re-importing is idempotent); anything else gets a new `importing` version that
 * `uploadSnapshotFile` fills.
 */
export async function beginSnapshotUpload(
  deps: DeskDeps,
  actor: AuditActor,
  input: { campaignId: number; network: TNetwork; fileSha256: string },
): Promise<{ reused: boolean; progress: TSnapshotProgress }> {
  const s = deps.db.t.holderSnapshots;
  const same = await firstRow(
    deps.db.db
      .select({ id: s.id })
      .from(s)
      .where(
        and(
          eq(s.campaignId, input.campaignId),
          eq(s.network, input.network),
          eq(s.fileSha256, input.fileSha256),
          eq(s.status, 'active'),
        ),
      ),
  );
  if (same) return { reused: true, progress: await snapshotProgress(deps, same.id) };
  const snapshotId = await createSnapshot(deps, {
    campaignId: input.campaignId,
    network: input.network,
    createdBy: actor.userId,
    fileSha256: input.fileSha256,
  });
  await deps.db.withTransaction((tx) =>
    recordAudit(deps, tx, actor, {
      action: 'snapshot.started',
      targetType: 'campaign',
      targetId: String(input.campaignId),
      before: null,
      after: { snapshotId, network: input.network, fileSha256: input.fileSha256 },
    }),
  );
  return { reused: false, progress: await snapshotProgress(deps, snapshotId) };
}

/** Passes the body through while hashing and counting it; refuses past `maxBytes` or a different file. */
async function* checked(
  body: AsyncIterable<Uint8Array>,
  expectedSha256: string | null,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes)
      throw new BadInput(
        `The file is larger than ${Math.floor(maxBytes / 1_048_576)} MB.`,
        undefined,
        'too_large',
        { mb: Math.floor(maxBytes / 1_048_576) },
      );
    hash.update(chunk);
    yield chunk;
  }
  // Thrown before the import activates: a file other than the one declared never becomes active.
  if (expectedSha256 && hash.digest('hex') !== expectedSha256)
    throw new BadInput(
      'The uploaded file is not the one declared (its SHA-256 differs).',
      undefined,
      'hash_mismatch',
    );
}

/**
 * Streams an uploaded CSV into its `importing` snapshot, then activates it atomically. Memory stays
 * bounded: lines are parsed as chunks arrive and written in batches. A failed upload marks the
 * snapshot failed, so the active one stays as it was.
 */
export async function uploadSnapshotFile(
  deps: DeskDeps,
  snapshotId: string,
  body: AsyncIterable<Uint8Array>,
  options: { maxBytes: number; signal?: AbortSignal },
): Promise<TSnapshotProgress> {
  const progress = await snapshotProgress(deps, snapshotId);
  if (progress.status !== 'importing')
    throw new PreconditionFailed(
      `This snapshot is ${progress.status}; start a new upload.`,
      'snapshot_not_importing',
    );
  if (uploading.has(snapshotId))
    throw new Conflict('This snapshot is already being uploaded.', 'snapshot_uploading');
  uploading.add(snapshotId);
  const { db, t } = deps.db;
  const [row] = await db
    .select({ fileSha256: t.holderSnapshots.fileSha256 })
    .from(t.holderSnapshots)
    .where(eq(t.holderSnapshots.id, snapshotId));
  try {
    return await runSnapshotImport(
      deps,
      snapshotId,
      checked(body, row?.fileSha256 ?? null, options.maxBytes),
      {
        signal: options.signal,
      },
    );
  } catch (error) {
    await db
      .update(t.holderSnapshots)
      .set({ status: 'failed' })
      .where(and(eq(t.holderSnapshots.id, snapshotId), eq(t.holderSnapshots.status, 'importing')));
    throw error;
  } finally {
    uploading.delete(snapshotId);
  }
}

/** A campaign's snapshot versions with their progress, newest first, a page at a time. */
export async function listSnapshots(deps: Pick<Deps, 'db'>, input: TPageInput & { campaignId: number }) {
  const { db, t } = deps.db;
  await assertCampaignExists(deps, db, input.campaignId);
  const s = t.holderSnapshots;
  const page = await newestPage(
    db.select({ id: s.id, createdAt: s.createdAt }).from(s).$dynamic(),
    s,
    { ...input, filters: [eq(s.campaignId, input.campaignId)] },
    (row) => row.id,
  );
  return { ...page, items: await Promise.all(page.items.map((id) => snapshotProgress(deps, id))) };
}
